using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.MasterData;

/// <summary>
/// Edits one part of a draft rule set: the general values ("umum") or one list (services and their jasa pelayanan,
/// criteria, stars, quality, added value, duty). Rows are plain form rows with a "remove" box and empty rows to add,
/// so no JavaScript is needed. Editing a submitted draft withdraws the submission: the Direksi approves only what
/// it was shown. An approved set is refused by the data layer, and the refusal is shown as it is.
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers)]
public sealed class AturanBagianModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int EmptyRows = 3;

    public sealed class GeneralInput
    {
        public string? EffectiveFrom { get; set; }

        public string? Note { get; set; }

        public string? PointValue { get; set; }

        public string? PointsPool { get; set; }

        public string? MaxPerformance { get; set; }

        public string? AddedValueMonthlyCap { get; set; }
    }

    [BindProperty]
    public List<RuleRowInput> Rows { get; set; } = [];

    [BindProperty]
    public GeneralInput General { get; set; } = new();

    public RuleSet Set { get; private set; } = null!;

    public RuleSection? Section { get; private set; }

    public bool IsGeneral => Section is null;

    public bool Approved => Set.Status == RuleSetStatus.Approved;

    public bool CanEdit { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string bagian)
    {
        if (!await LoadAsync(id, bagian, track: false))
            return NotFound();
        if (Section is { } section)
            Rows = RuleSections.Rows(Set, section);
        else
            General = new GeneralInput
            {
                EffectiveFrom = Set.EffectiveFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture), Note = Set.Note,
                PointValue = FormReader.Show(Set.PointValue), PointsPool = FormReader.Whole(Set.PointsPool),
                MaxPerformance = FormReader.Show(Set.MaxPerformance), AddedValueMonthlyCap = FormReader.Whole(Set.AddedValueMonthlyCap),
            };
        AddEmptyRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string bagian)
    {
        if (!RemunerasiAccess.CanEdit(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(id, bagian, track: true))
            return NotFound();
        ModelState.Clear();
        var read = new FormReader(ModelState, t);
        var ok = Section is { } section ? RuleSections.Apply(Set, section, Rows, read) : await ApplyGeneralAsync(read);
        if (!ok)
        {
            AddEmptyRows();
            return Page();
        }

        var proposal = await db.RuleSetProposals.FirstOrDefaultAsync(p => p.RuleSetId == Set.Id, HttpContext.RequestAborted);
        if (proposal is { Submitted: true } && !Approved)
        {
            proposal.SubmittedAt = null;
            proposal.SubmittedBy = null;
        }

        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (ClosedRecordException refused)
        {
            Refusal = AturanDetailModel.Say(refused);
            Response.StatusCode = StatusCodes.Status409Conflict;
            AddEmptyRows();
            return Page();
        }

        return Redirect($"/remunerasi/aturan/{Set.Id.ToString(CultureInfo.InvariantCulture)}#{Section?.Key ?? "umum"}");
    }

    async Task<bool> ApplyGeneralAsync(FormReader read)
    {
        var effective = read.Month("General.EffectiveFrom", "Berlaku mulai (bulan)", General.EffectiveFrom);
        var note = read.Text("General.Note", "Dasar / keterangan", General.Note, 2000);
        var pointValue = read.Number("General.PointValue", "Nilai per poin (Rp/bulan)", General.PointValue, 2, required: false);
        var pool = read.Rupiah("General.PointsPool", "Pool insentif non-medis (Rp)", General.PointsPool, required: false);
        var maxPerformance = read.Number("General.MaxPerformance", "Capaian kinerja maksimal", General.MaxPerformance, 4, 0, 10);
        var cap = read.Rupiah("General.AddedValueMonthlyCap", "Batas nilai tambah per bulan", General.AddedValueMonthlyCap, required: false);
        if (read.Ok && (pointValue is null) == (pool is null))
            read.Error("General.PointValue", read.Localize("Isi tepat satu: nilai per poin atau pool insentif non-medis."));
        if (effective is DateOnly day && await RuleSets.DecidedPeriodFromAsync(db, Set.InstitutionId, day, HttpContext.RequestAborted) is string decided)
            read.Error("General.EffectiveFrom", read.Localize("Periode {0} sudah disetujui atau dibayar dengan aturan yang berlaku: versi baru harus berlaku sesudahnya.", decided));
        if (!read.Ok)
            return false;
        Set.EffectiveFrom = effective!.Value;
        Set.Note = note;
        Set.PointValue = pointValue;
        Set.PointsPool = pool;
        Set.MaxPerformance = maxPerformance!.Value;
        Set.AddedValueMonthlyCap = cap;
        return true;
    }

    void AddEmptyRows()
    {
        if (Section is null || Approved)
            return;
        while (Rows.Count > 0 && Rows[^1].IsBlank)
            Rows.RemoveAt(Rows.Count - 1);
        for (var i = 0; i < EmptyRows; i++)
            Rows.Add(new RuleRowInput());
    }

    async Task<bool> LoadAsync(int id, string bagian, bool track)
    {
        CanEdit = RemunerasiAccess.CanEdit(User);
        Section = RuleSections.Find(bagian);
        if (Section is null && bagian != "umum")
            return false;
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return false;
        var query = RuleSets.Full(db);
        var set = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id && r.InstitutionId == hospital.Id, HttpContext.RequestAborted);
        if (set is null)
            return false;
        Set = set;
        return true;
    }

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
