using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Runs;

/// <summary>/remunerasi/token-simrs: create (shown once) and revoke the hospital's SIMRS API tokens; only hashes are stored.</summary>
[Authorize(Roles = RunsAccess.TokenManagers)]
public sealed class TokenSimrsModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public string HospitalName { get; private set; } = "";

    public IReadOnlyList<SimrsApiToken> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    async Task<Institution?> LoadAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User);
        HospitalName = hospital?.Name ?? "";
        if (hospital is not null)
            Tokens = await db.SimrsApiTokens.AsNoTracking().Where(x => x.InstitutionId == hospital.Id).OrderByDescending(x => x.Id).ToListAsync();
        return hospital;
    }

    public async Task<IActionResult> OnPostBuatAsync(string? nama)
    {
        var hospital = await RunsAccess.HospitalAsync(db, User);
        if (hospital is null)
            return NotFound();
        var (token, entity) = SimrsTokens.Create(hospital.Id, string.IsNullOrWhiteSpace(nama) ? "SIMRS" : nama.Trim(), User.Identity!.Name!, db.Clock);
        db.SimrsApiTokens.Add(entity);
        await db.SaveChangesAsync();
        NewToken = token;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCabutAsync(int tokenId)
    {
        var token = await db.SimrsApiTokens.FirstOrDefaultAsync(x => x.Id == tokenId);
        if (token is null)
            return NotFound();
        token.RevokedAt ??= db.Clock.GetUtcNow().UtcDateTime;
        token.RevokedBy ??= User.Identity!.Name;
        await db.SaveChangesAsync();
        Message = t["Token {0} dicabut.", token.Name];
        await LoadAsync();
        return Page();
    }
}
