using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Infrastructure;

/// <summary>
/// Puts the user's institution and the institutions they may see into the cookie at sign-in,
/// so no request has to look them up: a Dinas Kesehatan sees its puskesmas too.
/// </summary>
sealed class KinerjaClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, KinerjaDb db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(KinerjaClaims.FullNameType, user.FullName));
        if (user.StaffCode is not null)
            identity.AddClaim(new Claim(KinerjaClaims.StaffType, user.StaffCode));
        if (user.InstitutionId is not int institutionId)
        {
            identity.AddClaim(new Claim(KinerjaClaims.VisibleType, "*"));
            return identity;
        }
        var children = await db.Institutions.Where(i => i.ParentId == institutionId).Select(i => i.Id).ToListAsync();
        identity.AddClaim(new Claim(KinerjaClaims.InstitutionType, institutionId.ToString()));
        identity.AddClaim(new Claim(KinerjaClaims.VisibleType, string.Join(',', children.Prepend(institutionId))));
        return identity;
    }
}
