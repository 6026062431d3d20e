using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.MasterData;
using Kinerja.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Stratification;

/// <summary>
/// Stratification (seed 002): a doctor enters their own contribution history per criterion and submits it; management
/// sees the queue here and validates or returns each one on /remunerasi/stratifikasi/{kode}. A doctor sees only their own.
/// </summary>
[Authorize(Roles = RemunerasiAccess.Viewers + "," + Roles.Pegawai)]
public sealed class StratifikasiModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ScoreInput
    {
        public string Criterion { get; set; } = "";

        public string? Score { get; set; }

        public string? Evidence { get; set; }
    }

    public sealed record QueueRow(string Code, string Name, string? Unit, StratificationStatus Status, StratificationOutcome? Outcome);

    [BindProperty]
    public List<ScoreInput> Scores { get; set; } = [];

    /// <summary>True for management (queue); false for a doctor (own form).</summary>
    public bool Management { get; private set; }

    public Staff? Own { get; private set; }

    public RuleSet? Rules { get; private set; }

    public StratificationOutcome? Outcome { get; private set; }

    public StratificationOutcome? Entered { get; private set; }

    public IReadOnlyList<QueueRow> Queue { get; private set; } = [];

    public IReadOnlyDictionary<StratificationStatus, int> Counts { get; private set; } = new Dictionary<StratificationStatus, int>();

    public StratificationStatus? Filter { get; private set; }

    public string? Message { get; private set; }

    public bool Locked => Own?.StratificationStatus == StratificationStatus.Submitted;

    public async Task<IActionResult> OnGetAsync(string? status, string? pesan)
    {
        Management = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.TimRemunerasi) || User.IsInRole(Roles.Direksi) || User.IsInRole(Roles.DewanPengawas);
        if (Management)
        {
            Filter = Enum.TryParse<StratificationStatus>(status, ignoreCase: true, out var s) ? s : status == "semua" ? null : StratificationStatus.Submitted;
            await LoadQueueAsync();
            return Page();
        }

        if (!await LoadOwnAsync(track: false))
            return Page();
        Scores = Rules!.Criteria.OrderBy(c => c.Ordinal).Select(c =>
        {
            var score = Own!.StratificationScores.FirstOrDefault(x => x.Criterion == c.Code);
            return new ScoreInput { Criterion = c.Code, Score = score is null ? null : FormReader.Show(score.Score), Evidence = score?.Evidence };
        }).ToList();
        Message = pesan switch
        {
            "disimpan" => t["Data kontribusi disimpan sebagai draf."].Value,
            "diajukan" => t["Data kontribusi diajukan untuk divalidasi manajemen."].Value,
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostSimpanAsync() => SaveAsync(submit: false);

    public Task<IActionResult> OnPostAjukanAsync() => SaveAsync(submit: true);

    async Task<IActionResult> SaveAsync(bool submit)
    {
        // Only the doctor enters their own contribution data; management validates it on the doctor's page.
        if (!await LoadOwnAsync(track: true))
            return StatusCode(StatusCodes.Status403Forbidden);
        if (Locked)
        {
            ModelState.AddModelError("", t["Data sedang menunggu validasi manajemen dan belum dapat diubah."]);
            return Page();
        }

        ModelState.Clear();
        var read = new FormReader(ModelState, t);
        var criteria = Rules!.Criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var values = new List<(string Criterion, decimal Score, string? Evidence)>();
        for (var i = 0; i < Scores.Count; i++)
        {
            var input = Scores[i];
            if (!criteria.TryGetValue(input.Criterion, out var criterion))
                continue;
            var label = criterion.Name ?? criterion.Code;
            var score = read.Number($"Scores[{i}].Score", label, input.Score, 2, 0, 100, required: submit);
            var evidence = read.Text($"Scores[{i}].Evidence", read.Localize("Keterangan/bukti {0}", label), input.Evidence, 2000);
            if (score is decimal value)
                values.Add((criterion.Code, value, evidence));
        }

        if (submit && values.Count < criteria.Count)
            read.Error("", read.Localize("Isi skor setiap kriteria sebelum mengajukan."));
        if (!read.Ok)
            return Page();

        var own = Own!;
        foreach (var (criterion, score, evidence) in values)
        {
            var row = own.StratificationScores.FirstOrDefault(x => x.Criterion == criterion);
            if (row is null)
                own.StratificationScores.Add(new StratificationScore { InstitutionId = own.InstitutionId, Criterion = criterion, Score = score, Evidence = evidence });
            else
            {
                row.Score = score;
                row.Evidence = evidence;
            }
        }

        // Data entered by the doctor counts only after management validates it (calculation.md §6.2): any change undoes
        // an earlier validation.
        var changed = db.ChangeTracker.HasChanges();
        if (submit)
            own.StratificationStatus = StratificationStatus.Submitted;
        else if (changed)
            own.StratificationStatus = StratificationStatus.Draft;
        if (own.StratificationStatus is StratificationStatus.Draft or StratificationStatus.Submitted)
        {
            own.StratificationValidatedBy = null;
            own.StratificationValidatedAt = null;
        }

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/remunerasi/stratifikasi?pesan={(submit ? "diajukan" : "disimpan")}");
    }

    async Task<bool> LoadOwnAsync(bool track)
    {
        if (User.StaffCode() is not string code || User.InstitutionId() is not int institutionId)
            return false;
        var query = db.Staff.Include(s => s.StratificationScores).Where(s => s.InstitutionId == institutionId && s.Code == code);
        Own = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (Own is null || !Own.IsMedis)
            return false;
        Rules = await StratificationRules.CurrentAsync(db, institutionId, RemunerasiAccess.Today(db.Clock), HttpContext.RequestAborted);
        if (Rules is null)
            return false;
        var scores = Own.StratificationScores.ToDictionary(s => s.Criterion, s => s.Score, StringComparer.Ordinal);
        Outcome = StratificationRules.Evaluate(Rules, scores, Own.StratificationStatus == StratificationStatus.Validated);
        Entered = StratificationRules.Evaluate(Rules, scores, validated: true);
        return true;
    }

    async Task LoadQueueAsync()
    {
        var hospital = await RemunerasiAccess.HospitalAsync(db, User, HttpContext.RequestAborted);
        if (hospital is null)
            return;
        Rules = await StratificationRules.CurrentAsync(db, hospital.Id, RemunerasiAccess.Today(db.Clock), HttpContext.RequestAborted);
        var doctors = await db.Staff.AsNoTracking().Include(s => s.StratificationScores)
            .Where(s => s.InstitutionId == hospital.Id && s.Category == Staff.Medis)
            .OrderBy(s => s.Ordinal).ThenBy(s => s.Code)
            .ToListAsync(HttpContext.RequestAborted);
        Counts = doctors.GroupBy(d => d.StratificationStatus).ToDictionary(g => g.Key, g => g.Count());
        Queue = doctors.Where(d => Filter is null || d.StratificationStatus == Filter)
            .Select(d => new QueueRow(d.Code, d.Name, d.Unit, d.StratificationStatus, Rules is null ? null
                : StratificationRules.Evaluate(Rules, d.StratificationScores.ToDictionary(s => s.Criterion, s => s.Score, StringComparer.Ordinal),
                    d.StratificationStatus == StratificationStatus.Validated)))
            .ToList();
    }
}
