using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.MasterData;

/// <summary>
/// The rule-set versions of the hospital, which one applies to which month, and a new draft copied from a version
/// with a new effective date (always the first day of a month: a rate change never rewrites a past month).
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class AturanModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Version(int Id, int Number, DateOnly EffectiveFrom, RuleSetStage Stage, string? Note, string? ApprovedBy, DateTime? ApprovedAt, int? BasedOn);

    public sealed record MonthRow(DateOnly Month, Version? InForce, IReadOnlyList<Version> Pending);

    public sealed class NewInput
    {
        public int? From { get; set; }

        public string? EffectiveFrom { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public NewInput Input { get; set; } = new();

    public IReadOnlyList<Version> Versions { get; private set; } = [];

    public IReadOnlyList<MonthRow> Months { get; private set; } = [];

    public int Tahun { get; private set; }

    public bool CanEdit { get; private set; }

    public bool NoHospital { get; private set; }

    public async Task OnGetAsync(int? tahun)
    {
        await LoadAsync(tahun);
        var latest = Versions.Where(v => v.Stage == RuleSetStage.Approved).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).FirstOrDefault();
        Input.From = latest?.Id;
        var next = RemunerasiAccess.Today(db.Clock);
        Input.EffectiveFrom = new DateOnly(next.Year, next.Month, 1).AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(int? tahun)
    {
        if (!RemunerasiAccess.CanEdit(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return NotFound();
        ModelState.Clear();
        var read = new FormReader(ModelState, t);
        var effective = read.Month("Input.EffectiveFrom", "Berlaku mulai", Input.EffectiveFrom);
        var note = read.Text("Input.Note", "Dasar / keterangan", Input.Note, 2000);
        var source = Input.From is int id ? await RuleSets.Full(db).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.InstitutionId == hospital.Id) : null;
        if (source is null)
            read.Error("Input.From", t["Pilih versi yang disalin."]);
        if (effective is DateOnly day && await RuleSets.DecidedPeriodFromAsync(db, hospital.Id, day, HttpContext.RequestAborted) is string decided)
            read.Error("Input.EffectiveFrom", t["Periode {0} sudah disetujui atau dibayar dengan aturan yang berlaku: versi baru harus berlaku sesudahnya.", decided]);
        if (!read.Ok)
        {
            await LoadAsync(tahun);
            return Page();
        }

        var draft = RuleSets.Copy(source!, await RuleSets.NextVersionAsync(db, hospital.Id, HttpContext.RequestAborted), effective!.Value, note);
        await RuleSets.SaveDraftAsync(db, source!, draft, User.Identity?.Name ?? "?", HttpContext.RequestAborted);
        return Redirect($"/remunerasi/aturan/{draft.Id}");
    }

    async Task LoadAsync(int? tahun)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
        {
            NoHospital = true;
            return;
        }

        var sets = await db.RuleSets.AsNoTracking().Where(r => r.InstitutionId == hospital.Id).ToListAsync(HttpContext.RequestAborted);
        var proposals = await db.RuleSetProposals.AsNoTracking().Where(p => p.InstitutionId == hospital.Id).ToDictionaryAsync(p => p.RuleSetId, HttpContext.RequestAborted);
        Versions = sets.OrderByDescending(s => s.Version)
            .Select(s => new Version(s.Id, s.Version, s.EffectiveFrom, RuleSets.Stage(s, proposals.GetValueOrDefault(s.Id)), s.Note, s.ApprovedBy, s.ApprovedAt,
                proposals.GetValueOrDefault(s.Id)?.BasedOnVersion))
            .ToList();
        var today = RemunerasiAccess.Today(db.Clock);
        Tahun = tahun is >= 2000 and <= 2100 ? tahun.Value : today.Year;
        var byId = Versions.ToDictionary(v => v.Id);
        Months = Enumerable.Range(1, 12).Select(m =>
        {
            var month = new DateOnly(Tahun, m, 1);
            var inForce = RuleSets.InForce(sets, month);
            // A draft would take over this month once approved if it is later than the one in force now.
            var pending = sets.Where(s => s.Status == RuleSetStatus.Draft && s.EffectiveFrom <= month
                    && (inForce is null || s.EffectiveFrom > inForce.EffectiveFrom || (s.EffectiveFrom == inForce.EffectiveFrom && s.Version > inForce.Version)))
                .Select(s => byId[s.Id]).ToList();
            return new MonthRow(month, inForce is null ? null : byId[inForce.Id], pending);
        }).ToList();
    }
}
