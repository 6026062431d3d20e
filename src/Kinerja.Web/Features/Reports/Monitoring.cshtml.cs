using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Web.Features.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Reports;

/// <summary>
/// /remunerasi/monitoring: the monthly monitoring of the Direksi: totals per component and per KSM/unit against the
/// personnel budget and the 45 % ratio, the year's trend, people at their ceiling, withheld amounts, flags; Excel.
/// </summary>
[Authorize(Roles = ReportsAccess.Readers)]
public sealed class MonitoringModel(KinerjaDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Tahun { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Bulan { get; set; }

    public string HospitalName { get; private set; } = "";

    public MonitoringReport Report { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var r = Report;
        static Dictionary<string, object?> Group(string label, GroupTotals g) => new()
        {
            [label] = g.Name, ["Jumlah pegawai"] = g.People, ["Gaji dan tunjangan"] = g.FixedPay, ["Insentif"] = g.Incentive, ["Uang jaga"] = g.Duty,
            ["Perikatan"] = g.Perikatan, ["Ditahan"] = g.Withheld, ["Potongan KMK"] = g.CapReduction, ["Total"] = g.Total,
        };
        static Dictionary<string, object?> Person(RunStaffResult p) => new()
        {
            ["Kode"] = p.StaffCode, ["Nama"] = p.Name, ["Kategori"] = p.Category, ["Unit"] = p.Unit, ["Gaji dan tunjangan"] = p.FixedPay,
            ["Insentif kinerja"] = p.PerformanceIncentive, ["Insentif"] = p.Incentive, ["Ditahan"] = p.Withheld, ["Potongan KMK"] = p.CapReduction,
            ["Total"] = p.Total, ["Tanda"] = FlagText.NamedAll(p.Flags),
        };
        var months = r.Months.Select(m => new Dictionary<string, object?>
        {
            ["Periode"] = m.Period, ["Versi"] = m.Run?.Version, ["Status"] = m.Run is null ? null : RunWorkflow.Label(m.Run.Status),
            ["Gaji dan tunjangan"] = m.Run?.FixedPay, ["Insentif"] = m.Run?.Incentive, ["Uang jaga"] = m.Run?.Duty, ["Perikatan"] = m.Run?.Perikatan,
            ["Ditahan"] = m.Run?.Withheld, ["Potongan KMK"] = m.Run?.CapReduction, ["Total"] = m.Run?.Total,
            ["Anggaran belanja pegawai"] = m.Budget?.PersonnelBudget, ["Pendapatan"] = m.Budget?.Revenue,
            ["Rasio belanja pegawai"] = m.Run?.PersonnelRatio, ["Batas rasio"] = m.Budget?.MaxPersonnelRatio, ["Tanda"] = FlagText.NamedAll(m.Run?.Flags),
        });
        var bytes = ReportFormat.Workbook(
        [
            ("Per bulan", months),
            ("Per KSM-unit", r.ByUnit.Select(g => Group("KSM/unit", g))),
            ("Per kategori", r.ByCategory.Select(g => Group("Kategori", g))),
            ("Batas KMK", r.AtCeiling.Select(Person)),
            ("Ditahan", r.Withheld.Select(Person)),
            ("Tanda", r.FlagCounts.Select(f => new Dictionary<string, object?> { ["Tanda"] = FlagText.Named(f.Key), ["Jumlah pegawai"] = f.Value })),
        ]);
        return File(bytes, ReportFormat.XlsxType, $"monitoring-{r.Selected?.Period ?? r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}.xlsx");
    }

    async Task<bool> LoadAsync()
    {
        var hospital = await RunsAccess.HospitalAsync(db, User, Request.Query["rs"]);
        if (hospital is null)
            return false;
        HospitalName = hospital.Name;
        var periods = await db.CalculationRuns.AsNoTracking().Where(r => r.InstitutionId == hospital.Id).Select(r => r.Period).Distinct().ToListAsync();
        Years = periods.Select(p => int.Parse(p[..4], System.Globalization.CultureInfo.InvariantCulture)).Distinct().OrderDescending().ToList();
        var year = Tahun ?? Years.FirstOrDefault(db.Clock.GetLocalNow().Year);
        Tahun = year;
        Report = await MonitoringReport.BuildAsync(db, hospital.Id, year, Bulan, HttpContext.RequestAborted);
        return true;
    }
}
