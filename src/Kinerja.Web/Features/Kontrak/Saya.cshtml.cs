using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>
/// The contracted worker's own page: their contract's targets of the month and the achievement report with evidence.
/// A month is open for reports while it lies in the contract's effective period (<see cref="Contract.AchievementOpen"/>),
/// so the last months of a contract already renewed, or those before a termination, can still be reported.
/// </summary>
[Authorize]
public sealed class SayaModel(KinerjaDb db, EvidenceStore evidence, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Contract> Contracts { get; private set; } = [];

    public Contract? Contract { get; private set; }

    public DateOnly Month { get; private set; }

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public IReadOnlyList<MonthlyTarget> Lines { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public sealed class ReportInput
    {
        public int TargetId { get; set; }

        [Required(ErrorMessage = "Isi capaian yang dilaporkan"), Range(0, 100000, ErrorMessage = "Capaian harus 0 atau lebih")]
        public decimal? Quantity { get; set; }

        [StringLength(2000)]
        public string? Note { get; set; }

        public IFormFile? Evidence { get; set; }
    }

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? kontrak, string? bulan)
    {
        await LoadAsync(kontrak, bulan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? kontrak, string? bulan)
    {
        await LoadAsync(kontrak, bulan);
        var line = Lines.SingleOrDefault(l => l.Id == Report.TargetId);
        if (Contract is null || line is null)
            return NotFound();
        if (!Contract.AchievementOpen(Month))
            ModelState.AddModelError("", t["Capaian hanya dapat dilaporkan untuk bulan dalam masa berlaku kontrak."]);
        if (line.Status == TargetStatus.Verified)
            ModelState.AddModelError("", t["Capaian ini sudah diverifikasi Kepala Puskesmas."]);
        if (string.IsNullOrWhiteSpace(Report.Note) && Report.Evidence is null && line.EvidenceStoredName is null)
            ModelState.AddModelError("Report.Note", t["Lampirkan bukti: berkas atau catatan."]);
        if (!ModelState.IsValid)
            return Page();
        if (Report.Evidence is not null)
        {
            var (stored, contentType, error) = await evidence.SaveAsync(Report.Evidence);
            if (error is not null)
            {
                ModelState.AddModelError("Report.Evidence", t[error]);
                return Page();
            }
            line.EvidenceStoredName = stored;
            line.EvidenceContentType = contentType;
            line.EvidenceFileName = Path.GetFileName(Report.Evidence.FileName);
        }
        line.ReportedQuantity = Report.Quantity;
        line.ReportNote = Report.Note?.Trim();
        line.ReportedAt = db.Clock.GetUtcNow().UtcDateTime;
        line.Status = TargetStatus.Reported;
        await db.SaveChangesAsync();
        Notice = t["Capaian dilaporkan; menunggu verifikasi Kepala Puskesmas."];
        return Redirect($"/kontrak/saya?kontrak={Contract.Id}&bulan={Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}");
    }

    async Task LoadAsync(int? kontrak, string? bulan)
    {
        // Only the contracts naming this account as their worker, whatever else the account may see.
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Contracts = await db.Contracts.Include(c => c.Institution)
            .Where(c => c.WorkerUserId != null && c.WorkerUserId == userId && c.Status != ContractStatus.Draft)
            .OrderByDescending(c => c.Start).ToListAsync();
        Contract = Contracts.FirstOrDefault(c => c.Id == kontrak) ?? (Contracts.Count > 0 ? Contracts[0] : null);
        if (Contract is null)
            return;
        var first = ContractMath.MonthOf(Contract.Start);
        var last = ContractMath.MonthOf(Contract.EffectiveEnd);
        var withTargets = await db.MonthlyTargets.Where(x => x.ContractId == Contract.Id).Select(x => x.Month).Distinct().ToListAsync();
        Months = withTargets.Where(Contract.Covers).OrderDescending().ToList();
        var today = ContractMath.MonthOf(KontrakClock.Today(db.Clock));
        Month = bulan is not null && DateOnly.TryParseExact(bulan + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) && asked >= first && asked <= last
            ? asked
            : Months.Contains(today) ? today : Months.FirstOrDefault(today);
        Lines = await db.MonthlyTargets.Where(x => x.ContractId == Contract.Id && x.Month == Month).OrderBy(x => x.Id).ToListAsync();
    }
}
