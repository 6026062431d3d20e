using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>
/// The Dinas's reports (product.md §2): contracts by puskesmas, contracts expiring in 60 days, achievement by
/// puskesmas per month, budget used against the BOK allocation, and contract workers against civil servants
/// (PNS) on the same targets. Each is also exported to Excel.
/// </summary>
[Authorize(Roles = KontrakRoles.Viewers)]
public sealed class LaporanModel(KinerjaDb db) : PageModel
{
    public sealed record PuskesmasContracts(string Puskesmas, int Draft, int Active, int Ended, int Renewed, int Terminated, decimal ActiveHonorarium);

    public sealed record Expiring(int Id, string Puskesmas, string Contractor, DateOnly End, int DaysLeft);

    public sealed record AchievementRow(string Puskesmas, IReadOnlyDictionary<DateOnly, decimal> ByMonth, decimal? Year);

    public sealed record BudgetRow(string Puskesmas, decimal? Allocation, decimal Used)
    {
        public decimal? Left => Allocation - Used;

        public decimal? Share => Allocation is > 0 ? Used / Allocation : null;
    }

    public sealed record PnsRow(string Puskesmas, int Lines, decimal Contract, decimal Pns);

    [BindProperty(SupportsGet = true, Name = "tahun")]
    public int? Year { get; set; }

    public int ReportYear { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<PuskesmasContracts> ByPuskesmas { get; private set; } = [];

    public IReadOnlyList<Expiring> ExpiringSoon { get; private set; } = [];

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public IReadOnlyList<AchievementRow> Achievement { get; private set; } = [];

    public IReadOnlyList<BudgetRow> Budget { get; private set; } = [];

    public IReadOnlyList<PnsRow> Pns { get; private set; } = [];

    public async Task OnGetAsync() => await BuildAsync();

    public async Task<IActionResult> OnGetExcelAsync()
    {
        await BuildAsync();
        var sheets = new Dictionary<string, object>
        {
            ["Kontrak per puskesmas"] = ByPuskesmas.Select(r => new Dictionary<string, object?>
            {
                ["Puskesmas"] = r.Puskesmas, ["Draf"] = r.Draft, ["Aktif"] = r.Active, ["Berakhir"] = r.Ended, ["Diperpanjang"] = r.Renewed,
                ["Diputus"] = r.Terminated, ["Honor aktif per bulan (Rp)"] = r.ActiveHonorarium,
            }).ToList(),
            ["Berakhir 60 hari"] = ExpiringSoon.Select(r => new Dictionary<string, object?>
            {
                ["Puskesmas"] = r.Puskesmas, ["Pihak kedua"] = r.Contractor, ["Berakhir"] = r.End.ToDateTime(TimeOnly.MinValue), ["Sisa hari"] = r.DaysLeft,
            }).ToList(),
            ["Capaian per bulan"] = Achievement.Select(r =>
            {
                var row = new Dictionary<string, object?> { ["Puskesmas"] = r.Puskesmas };
                foreach (var m in Months)
                    row[m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)] = r.ByMonth.TryGetValue(m, out var v) ? Math.Round(v * 100, 1) : null;
                row[$"Tahun {ReportYear} (%)"] = r.Year is decimal y ? Math.Round(y * 100, 1) : null;
                return row;
            }).ToList(),
            ["Anggaran BOK"] = Budget.Select(r => new Dictionary<string, object?>
            {
                ["Puskesmas"] = r.Puskesmas, ["Alokasi (Rp)"] = r.Allocation, ["Terpakai (Rp)"] = r.Used, ["Sisa (Rp)"] = r.Left,
                ["Terpakai (%)"] = r.Share is decimal s ? Math.Round(s * 100, 1) : null,
            }).ToList(),
            ["Kontrak vs PNS"] = Pns.Select(r => new Dictionary<string, object?>
            {
                ["Puskesmas"] = r.Puskesmas, ["Baris target dibandingkan"] = r.Lines,
                ["Capaian tenaga kontrak (%)"] = Math.Round(r.Contract * 100, 1), ["Capaian PNS (%)"] = Math.Round(r.Pns * 100, 1),
            }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"laporan-kontrak-{ReportYear}.xlsx");
    }

    async Task BuildAsync()
    {
        Today = KontrakClock.Today(db.Clock);
        ReportYear = Year is >= 2000 and <= 2100 ? Year.Value : Today.Year;
        var visible = db.Actor.VisibleInstitutionIds;
        var puskesmas = await db.Institutions.Where(i => i.Kind == InstitutionKind.Puskesmas && (visible == null || visible.Contains(i.Id)))
            .OrderBy(i => i.Id).ToListAsync();
        var contracts = await db.Contracts.ToListAsync();
        // Only work that counts as achievement: not a draft's targets (written for its agreement), nor months after a termination.
        var byId = contracts.ToDictionary(c => c.Id);
        var targets = (await db.MonthlyTargets.Where(t => t.Month >= new DateOnly(ReportYear, 1, 1) && t.Month <= new DateOnly(ReportYear, 12, 1)).ToListAsync())
            .Where(t => byId.TryGetValue(t.ContractId, out var c) && c.AchievementOpen(t.Month)).ToList();
        var allocations = await db.BokAllocations.Where(b => b.Year == ReportYear).ToListAsync();

        ByPuskesmas = puskesmas.Select(p =>
        {
            var mine = contracts.Where(c => c.InstitutionId == p.Id).Select(c => (Contract: c, Status: c.StatusOn(Today))).ToList();
            int Count(ContractStatus s) => mine.Count(x => x.Status == s);
            return new PuskesmasContracts(p.Name, Count(ContractStatus.Draft), Count(ContractStatus.Active), Count(ContractStatus.Ended),
                Count(ContractStatus.Renewed), Count(ContractStatus.Terminated),
                mine.Where(x => x.Status == ContractStatus.Active).Sum(x => x.Contract.MonthlyHonorarium));
        }).ToList();

        var names = puskesmas.ToDictionary(p => p.Id, p => p.Name);
        ExpiringSoon = contracts
            .Where(c => c.StatusOn(Today) == ContractStatus.Active && c.RenewedToId is null && c.End.DayNumber - Today.DayNumber <= KontrakClock.ExpiryAlertDays)
            .OrderBy(c => c.End)
            .Select(c => new Expiring(c.Id, names.GetValueOrDefault(c.InstitutionId, ""), c.ContractorName, c.End, c.End.DayNumber - Today.DayNumber))
            .ToList();

        Months = targets.Select(t => t.Month).Distinct().Order().ToList();
        Achievement = puskesmas.Select(p =>
        {
            var months = Engine.Kontrak.Achievement.ByMonth(targets.Where(t => t.InstitutionId == p.Id).Select(t => t.ToLine()));
            return new AchievementRow(p.Name, months.ToDictionary(m => m.Month, m => m.Ratio), Engine.Kontrak.Achievement.OverContract(months, Today));
        }).Where(r => r.ByMonth.Count > 0).ToList();

        Budget = puskesmas.Select(p => new BudgetRow(p.Name,
                allocations.FirstOrDefault(a => a.InstitutionId == p.Id)?.Amount,
                contracts.Where(c => c.InstitutionId == p.Id && c.Status != ContractStatus.Draft)
                    .Sum(c => ContractMath.CostInYear(c.MonthlyHonorarium, c.Start, c.EffectiveEnd, ReportYear))))
            .ToList();

        // The same target lines, done by the contract worker and by a PNS: only lines where both are known.
        Pns = puskesmas.Select(p =>
                Engine.Kontrak.Achievement.AgainstPns(targets.Where(t => t.InstitutionId == p.Id && t.Status == TargetStatus.Verified).Select(t => t.ToLine()))
                    is { } c ? new PnsRow(p.Name, c.Lines, c.Contract, c.Pns) : null)
            .OfType<PnsRow>().ToList();
    }
}
