using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.MasterData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Stratification;

/// <summary>Management's view of one doctor's contribution data: validate it, or return it with the reason.</summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class StratifikasiDokterModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public Staff Doctor { get; private set; } = null!;

    public RuleSet? Rules { get; private set; }

    public StratificationOutcome? Outcome { get; private set; }

    public StratificationOutcome? Entered { get; private set; }

    public bool CanValidate { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string kode, string? pesan)
    {
        if (!await LoadAsync(kode, track: false))
            return NotFound();
        Message = pesan switch
        {
            "divalidasi" => t["Data kontribusi divalidasi."].Value,
            "dikembalikan" => t["Data kontribusi dikembalikan ke dokter."].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostValidasiAsync(string kode)
    {
        if (!RemunerasiAccess.CanValidate(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(kode, track: true))
            return NotFound();
        if (Doctor.StratificationStatus != StratificationStatus.Submitted)
        {
            ModelState.AddModelError("", t["Hanya data yang sudah diajukan dokter yang dapat divalidasi atau dikembalikan."]);
            return Page();
        }

        Doctor.StratificationStatus = StratificationStatus.Validated;
        Doctor.StratificationValidatedBy = User.Identity?.Name ?? "?";
        Doctor.StratificationValidatedAt = db.Clock.GetUtcNow().UtcDateTime;
        Doctor.StratificationNote = null;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/remunerasi/stratifikasi/{Uri.EscapeDataString(Doctor.Code)}?pesan=divalidasi");
    }

    public async Task<IActionResult> OnPostKembalikanAsync(string kode)
    {
        if (!RemunerasiAccess.CanValidate(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(kode, track: true))
            return NotFound();
        if (Doctor.StratificationStatus != StratificationStatus.Submitted)
        {
            ModelState.AddModelError("", t["Hanya data yang sudah diajukan dokter yang dapat divalidasi atau dikembalikan."]);
            return Page();
        }

        ModelState.Clear();
        var reason = new FormReader(ModelState, t).Text(nameof(Reason), "Alasan pengembalian", Reason, 2000, required: true);
        if (reason is null)
            return Page();
        Doctor.StratificationStatus = StratificationStatus.Returned;
        Doctor.StratificationNote = reason;
        Doctor.StratificationValidatedBy = null;
        Doctor.StratificationValidatedAt = null;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/remunerasi/stratifikasi/{Uri.EscapeDataString(Doctor.Code)}?pesan=dikembalikan");
    }

    async Task<bool> LoadAsync(string kode, bool track)
    {
        CanValidate = RemunerasiAccess.CanValidate(User);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return false;
        var query = db.Staff.Include(s => s.StratificationScores).Where(s => s.InstitutionId == hospital.Id && s.Code == kode && s.Category == Staff.Medis);
        var doctor = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (doctor is null)
            return false;
        Doctor = doctor;
        Rules = await StratificationRules.CurrentAsync(db, hospital.Id, RemunerasiAccess.Today(db.Clock), HttpContext.RequestAborted);
        if (Rules is not null)
        {
            var scores = doctor.StratificationScores.ToDictionary(s => s.Criterion, s => s.Score, StringComparer.Ordinal);
            Outcome = StratificationRules.Evaluate(Rules, scores, doctor.StratificationStatus == StratificationStatus.Validated);
            Entered = StratificationRules.Evaluate(Rules, scores, validated: true);
        }

        return true;
    }

    public static string Score(decimal value) => FormReader.Show(decimal.Round(value, 4));

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
