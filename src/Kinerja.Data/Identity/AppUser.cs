using Microsoft.AspNetCore.Identity;

namespace Kinerja.Data.Identity;

public class AppUser : IdentityUser
{
    public required string FullName { get; set; }

    /// <summary>The institution the user belongs to; null only for installation-wide admins.</summary>
    public int? InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    /// <summary>The employee record of a hospital's staff member (their own pay only).</summary>
    public string? StaffCode { get; set; }

    public DateTime CreatedAt { get; set; }
}
