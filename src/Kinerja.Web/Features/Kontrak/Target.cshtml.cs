using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>
/// A month's written targets (Juknis BOK 2016 ketentuan 2: set in writing by the Kepala Puskesmas) and their
/// verification. The Kepala Puskesmas writes and verifies; the Dinas reads. Which months are open follows the
/// contract's effective period, not only its status (<see cref="Contract.TargetsOpen"/>, <see cref="Contract.AchievementOpen"/>).
/// </summary>
[Authorize(Roles = KontrakRoles.Viewers)]
public sealed class TargetModel(KinerjaDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public Contract Contract { get; private set; } = null!;

    public DateOnly Month { get; private set; }

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public IReadOnlyList<MonthlyTarget> Lines { get; private set; } = [];

    public MonthAchievement? Achievement { get; private set; }

    public bool CanWrite => User.IsInRole(Roles.KepalaPuskesmas) && Contract.TargetsOpen(Month);

    public bool CanVerify => User.IsInRole(Roles.KepalaPuskesmas) && Contract.AchievementOpen(Month);

    [TempData]
    public string? Notice { get; set; }

    public sealed class LineInput
    {
        [Required(ErrorMessage = "Kegiatan wajib diisi"), StringLength(300)]
        public string Activity { get; set; } = "";

        [Required(ErrorMessage = "Satuan wajib diisi"), StringLength(50)]
        public string Unit { get; set; } = "";

        [Required(ErrorMessage = "Jumlah target wajib diisi"), Range(0.01, 100000, ErrorMessage = "Jumlah target harus lebih dari 0")]
        public decimal? Quantity { get; set; }
    }

    public sealed class VerifyInput
    {
        public int TargetId { get; set; }

        [Range(0, 100000, ErrorMessage = "Capaian harus 0 atau lebih")]
        public decimal? Verified { get; set; }

        [Range(0, 100000, ErrorMessage = "Capaian PNS harus 0 atau lebih")]
        public decimal? Pns { get; set; }

        [StringLength(1000)]
        public string? Note { get; set; }
    }

    [BindProperty]
    public LineInput Line { get; set; } = new();

    [BindProperty]
    public VerifyInput Verify { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string? bulan) =>
        await LoadAsync(id, bulan) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, string? bulan)
    {
        if (!await LoadAsync(id, bulan))
            return NotFound();
        if (!CanWrite)
            return Forbid();
        ModelState.KeepOnly("Line");
        if (!ModelState.IsValid)
            return Page();
        db.MonthlyTargets.Add(new MonthlyTarget
        {
            ContractId = id, InstitutionId = Contract.InstitutionId, Month = Month, Activity = Line.Activity.Trim(), Unit = Line.Unit.Trim(),
            Quantity = Line.Quantity!.Value, Status = TargetStatus.Set, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        Notice = t["Target ditambahkan."];
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostCopyAsync(int id, string? bulan)
    {
        if (!await LoadAsync(id, bulan))
            return NotFound();
        if (!CanWrite)
            return Forbid();
        var previous = await db.MonthlyTargets.Where(x => x.ContractId == id && x.Month < Month).Select(x => x.Month).OrderByDescending(m => m).FirstOrDefaultAsync();
        if (previous == default || Lines.Count > 0)
            return Redirect(Here);
        foreach (var line in await db.MonthlyTargets.Where(x => x.ContractId == id && x.Month == previous).OrderBy(x => x.Id).ToListAsync())
            db.MonthlyTargets.Add(new MonthlyTarget
            {
                ContractId = id, InstitutionId = Contract.InstitutionId, Month = Month, Activity = line.Activity, Unit = line.Unit,
                Quantity = line.Quantity, Status = TargetStatus.Set, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            });
        await db.SaveChangesAsync();
        Notice = t["Target bulan {0} disalin.", KontrakLabels.Month(previous)];
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, string? bulan, int targetId)
    {
        if (!await LoadAsync(id, bulan))
            return NotFound();
        if (!CanWrite)
            return Forbid();
        var line = Lines.SingleOrDefault(x => x.Id == targetId);
        if (line is { Status: TargetStatus.Set })
        {
            db.MonthlyTargets.Remove(line);
            await db.SaveChangesAsync();
        }
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostVerifyAsync(int id, string? bulan) => await DecideAsync(id, bulan, accept: true);

    public async Task<IActionResult> OnPostReturnAsync(int id, string? bulan) => await DecideAsync(id, bulan, accept: false);

    async Task<IActionResult> DecideAsync(int id, string? bulan, bool accept)
    {
        if (!await LoadAsync(id, bulan))
            return NotFound();
        if (!CanVerify)
            return Forbid();
        ModelState.KeepOnly("Verify");
        var line = Lines.SingleOrDefault(x => x.Id == Verify.TargetId);
        if (line is null || line.Status is not (TargetStatus.Reported or TargetStatus.Verified))
            ModelState.AddModelError("", t["Hanya capaian yang sudah dilaporkan yang dapat diverifikasi."]);
        if (accept && Verify.Verified is null)
            ModelState.AddModelError("Verify.Verified", t["Isi capaian yang diverifikasi."]);
        if (!accept && string.IsNullOrWhiteSpace(Verify.Note))
            ModelState.AddModelError("Verify.Note", t["Tulis alasan pengembalian."]);
        if (!ModelState.IsValid)
            return Page();
        line!.Status = accept ? TargetStatus.Verified : TargetStatus.Returned;
        line.VerifiedQuantity = accept ? Verify.Verified : null;
        line.PnsQuantity = accept ? Verify.Pns : line.PnsQuantity;
        line.VerifierNote = Verify.Note?.Trim();
        line.VerifiedBy = User.Identity?.Name;
        line.VerifiedAt = db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        Notice = accept ? t["Capaian diverifikasi."] : t["Laporan dikembalikan kepada tenaga kontrak."];
        return Redirect(Here);
    }

    string Here => $"/kontrak/{Contract.Id}/target/{Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    async Task<bool> LoadAsync(int id, string? bulan)
    {
        var contract = await db.Contracts.Include(c => c.Institution).SingleOrDefaultAsync(c => c.Id == id);
        if (contract is null)
            return false;
        Contract = contract;
        var first = ContractMath.MonthOf(contract.Start);
        var last = ContractMath.MonthOf(contract.EffectiveEnd);
        var months = new List<DateOnly>();
        for (var m = first; m <= last; m = m.AddMonths(1))
            months.Add(m);
        Months = months;
        var today = ContractMath.MonthOf(KontrakClock.Today(db.Clock));
        if (bulan is not null && DateOnly.TryParseExact(bulan + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked))
            Month = asked;
        else
            Month = today < first ? first : today > last ? last : today;
        if (Month < first || Month > last)
            return false;
        Lines = await db.MonthlyTargets.Where(x => x.ContractId == id && x.Month == Month).OrderBy(x => x.Id).ToListAsync();
        var byMonth = Engine.Kontrak.Achievement.ByMonth(Lines.Select(l => l.ToLine()));
        Achievement = byMonth.Count > 0 ? byMonth[0] : null;
        return true;
    }
}
