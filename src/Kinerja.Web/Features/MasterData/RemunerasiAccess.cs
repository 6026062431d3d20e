using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.MasterData;

/// <summary>
/// Who may do what with the hospital's master data (issue 4): the Tim Remunerasi and the administrator edit, the
/// Direksi approves rules and sees everything, the Dewan Pengawas only reads. Razor Pages cannot authorize a single
/// handler, so every POST handler asks <see cref="CanEdit"/> itself and answers 403 when it is false.
/// </summary>
public static class RemunerasiAccess
{
    public const string Viewers = Roles.Admin + "," + Roles.TimRemunerasi + "," + Roles.Direksi + "," + Roles.DewanPengawas;

    public const string Editors = Roles.Admin + "," + Roles.TimRemunerasi;

    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.TimRemunerasi);

    /// <summary>The Direktur Utama's decisions (rule sets) are approved by the Direksi only.</summary>
    public static bool CanApprove(ClaimsPrincipal user) => user.IsInRole(Roles.Direksi);

    /// <summary>Validating a doctor's contribution data is management's: the Tim Remunerasi or the Direksi.</summary>
    public static bool CanValidate(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.TimRemunerasi) || user.IsInRole(Roles.Direksi);

    /// <summary>
    /// The hospital the user works on: their own; for an installation-wide administrator, the first hospital
    /// (the master-data pages are per hospital).
    /// </summary>
    public static async Task<Institution?> HospitalAsync(KinerjaDb db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var query = db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.RumahSakit);
        if (user.InstitutionId() is int id)
            return await query.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return await query.OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Today in the hospital's time (WIB), for "in force" and "active" questions.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
}
