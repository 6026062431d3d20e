using System.Security.Claims;
using Kinerja.Data;

namespace Kinerja.Web.Infrastructure;

/// <summary>The signed-in user as the data layer sees them (audit name, visible institutions).</summary>
sealed class WebActor(IHttpContextAccessor accessor) : ICurrentActor
{
    ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string Name => User?.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "?" : "anonim";

    public int? InstitutionId => User.InstitutionId();

    // Read by the query filter on every query: parse the claim once per principal. Keyed by the principal, not
    // cached outright, because the context can be created before authentication has set the request's user.
    (ClaimsPrincipal? User, IReadOnlyCollection<int>? Ids) visible;

    public IReadOnlyCollection<int>? VisibleInstitutionIds
    {
        get
        {
            var user = User;
            if (visible.User is null || !ReferenceEquals(visible.User, user))
                visible = (user, user.VisibleInstitutionIds());
            return visible.Ids;
        }
    }
}

public static class KinerjaClaims
{
    public const string InstitutionType = "kinerja:institution";
    public const string VisibleType = "kinerja:visible";
    public const string FullNameType = "kinerja:name";
    public const string StaffType = "kinerja:staff";

    public static int? InstitutionId(this ClaimsPrincipal? user) =>
        int.TryParse(user?.FindFirstValue(InstitutionType), out var id) ? id : null;

    /// <summary>Null (all) for an installation-wide user; empty for an anonymous visitor.</summary>
    public static IReadOnlyCollection<int>? VisibleInstitutionIds(this ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return [];
        var visible = user.FindFirstValue(VisibleType);
        return visible is null || visible == "*" ? null : visible.Split(',').Select(int.Parse).ToArray();
    }

    public static string FullName(this ClaimsPrincipal user) => user.FindFirstValue(FullNameType) ?? user.Identity?.Name ?? "";

    public static string? StaffCode(this ClaimsPrincipal user) => user.FindFirstValue(StaffType);
}
