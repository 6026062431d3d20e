using System.Net;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kinerja.IntegrationTests.Reports;

public class ReportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Monitoring_TotalsEqualTheRunTotals_PerComponentAndPerUnit(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var run = await ReportRuns.ApproveAsync(app.Database, Period.Month(2026, 10));

        await using (var db = app.Database.Open())
        {
            var report = await MonitoringReport.BuildAsync(db, run.InstitutionId, 2026, null, Ct);
            Assert.Equal(run.Id, report.Selected!.Run!.Id);
            Assert.Equal(run.StaffCount, report.ByUnit.Sum(g => g.People));
            Assert.Equal(run.FixedPay, report.ByUnit.Sum(g => g.FixedPay));
            Assert.Equal(run.Incentive, report.ByUnit.Sum(g => g.Incentive));
            Assert.Equal(run.Duty, report.ByUnit.Sum(g => g.Duty));
            Assert.Equal(run.Perikatan, report.ByUnit.Sum(g => g.Perikatan));
            Assert.Equal(run.Withheld, report.ByUnit.Sum(g => g.Withheld));
            Assert.Equal(run.Total, report.ByUnit.Sum(g => g.Total));
            Assert.Equal(run.Total, report.ByCategory.Sum(g => g.Total));
            Assert.Equal(run.Withheld, report.Withheld.Sum(r => r.Withheld));
            Assert.Equal(run.CapReduction, report.AtCeiling.Sum(r => r.CapReduction));
            // The demo approves or pays June to October; every other month of the year has no run.
            var final = await db.CalculationRuns.Where(r => r.InstitutionId == run.InstitutionId && r.Period.StartsWith("2026-")
                && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid)).Select(r => r.Period).Distinct().CountAsync(Ct);
            Assert.Equal(12 - final, report.Months.Count(m => m.Run is null));
        }

        var director = await app.SignInAsync("direktur");
        var html = await director.GetStringAsync("/remunerasi/monitoring?tahun=2026&bulan=2026-10", Ct);
        Assert.Contains($"<th class=\"num\" id=\"unit-total\">{Kinerja.Web.Infrastructure.Format.Rupiah(run.Total)}</th>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);

        var xlsx = await director.GetByteArrayAsync("/remunerasi/monitoring?handler=Excel&tahun=2026&bulan=2026-10", Ct);
        var months = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Per bulan").Cast<IDictionary<string, object>>().ToList();
        var october = months.Single(m => (string)m["Periode"] == "2026-10");
        Assert.Equal(run.Total, Convert.ToDecimal(october["Total"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QuarterReport_MoneyIsTheSumOfTheApprovedMonths_IndicatorsAreTheQuarterCase(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        await ReportRuns.AddMonthDataAsync(app.Database, Period.Month(2026, 11));
        await ReportRuns.AddMonthDataAsync(app.Database, Period.Month(2026, 12));
        var runs = new List<CalculationRun>();
        foreach (var month in new[] { 10, 11, 12 })
            runs.Add(await ReportRuns.ApproveAsync(app.Database, Period.Month(2026, month)));

        await using var db = app.Database.Open();
        var hospital = await db.Institutions.SingleAsync(i => i.Code == "RSUP-CONTOH", Ct);
        var report = await QuarterReport.BuildAsync(db, hospital, 2026, 4, Ct);

        Assert.True(report.Complete);
        Assert.Null(report.IndicatorProblem);
        Assert.Equal(runs.Sum(r => r.Total), report.Totals.Total);
        Assert.Equal(runs.Sum(r => r.Incentive), report.Totals.Incentive);
        Assert.Equal(runs.Sum(r => r.Perikatan), report.Totals.Perikatan);
        Assert.Equal(runs.Sum(r => r.Withheld), report.Totals.Withheld);
        Assert.Equal(runs.Sum(r => r.FixedPay), report.ByCategory.Sum(c => c.FixedPay));
        Assert.Equal(DemoRemunerationDoctors, report.Doctors.Count);

        // The indicators equal the engine's on the quarter case built from the database (calculation.md §1: YYYY-Q4).
        var quarter = await CaseBuilder.BuildAsync(db, hospital.Id, Period.Quarter(2026, 4), Ct);
        var engine = Calculator.Calculate(quarter.Case!).Staff.Where(s => s.Medis is not null).ToDictionary(s => s.Id);
        var rows = await db.RunStaffResults.AsNoTracking().Where(r => runs.Select(x => x.Id).Contains(r.RunId)).ToListAsync(Ct);
        foreach (var doctor in report.Doctors)
        {
            var e = engine[doctor.Code].Medis!;
            Assert.Equal(e.Achievement, doctor.Achievement);
            Assert.Equal(e.JknShare, doctor.JknShare);
            Assert.Equal(e.QualityScore, doctor.QualityScore);
            Assert.Equal((int?)e.Star, doctor.Star);
            Assert.Equal(rows.Where(r => r.StaffCode == doctor.Code).Sum(r => r.UnitsJkn), doctor.Units.Jkn);
            Assert.Equal(rows.Where(r => r.StaffCode == doctor.Code).Sum(r => r.Incentive), doctor.Incentive);
        }

        Assert.Contains(report.Doctors, d => d.PerikatanNumber is not null && d.Code == "D0003");

        var dewas = await app.SignInAsync("dewas");
        var html = await dewas.GetStringAsync("/remunerasi/laporan/triwulan?tahun=2026&triwulan=4", Ct);
        Assert.Contains(Kinerja.Web.Infrastructure.Format.Rupiah(report.Totals.Total), html, StringComparison.Ordinal);
        var pdf = await dewas.GetByteArrayAsync("/remunerasi/laporan/triwulan?handler=Pdf&tahun=2026&triwulan=4", Ct);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        if (Environment.GetEnvironmentVariable("KINERJA_REPORT_OUT") is { Length: > 0 } outDir && provider == DatabaseProvider.Sqlite)
            await File.WriteAllBytesAsync(Path.Combine(outDir, "laporan-triwulan-2026-Q4.pdf"), pdf, Ct);
        var xlsx = await dewas.GetByteArrayAsync("/remunerasi/laporan/triwulan?handler=Excel&tahun=2026&triwulan=4", Ct);
        var perDoctor = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Per dokter").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(report.Doctors.Count, perDoctor.Count);
    }

    const int DemoRemunerationDoctors = Kinerja.Data.Demo.DemoRemunerasi.Doctors;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DewasReport_ShowsWhoDidEachStep_TheExceptions_AndRateChanges(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var run = await ReportRuns.ApproveAsync(app.Database, Period.Month(2026, 10));
        await using (var db = app.Database.Open(new SystemActor("direktur")))
        {
            db.PeriodBudgets.Add(new PeriodBudget { InstitutionId = run.InstitutionId, Period = "2026-12", PersonnelBudget = 9_000_000_000m, Revenue = 20_000_000_000m, MaxPersonnelRatio = 0.45m });
            await db.SaveChangesAsync(Ct);
        }

        var dewas = await app.SignInAsync("dewas");
        var html = await dewas.GetStringAsync("/remunerasi/laporan/dewas?tahun=2026", Ct);

        Assert.Contains("verifikator", html, StringComparison.Ordinal);
        Assert.Contains("direktur", html, StringComparison.Ordinal);
        Assert.Contains("PeriodBudget", html, StringComparison.Ordinal);
        Assert.Contains(Kinerja.Web.Infrastructure.Format.Rupiah(run.Withheld), html, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "method=\"post\"")); // only the sign-out form

        var xlsx = await dewas.GetByteArrayAsync("/remunerasi/laporan/dewas?handler=Excel&tahun=2026", Ct);
        var runs = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Perhitungan").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(runs, r => (string)r["Periode"] == "2026-10" && (string)r["Disetujui oleh"] == "direktur");
        Assert.NotEmpty(new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "Perubahan aturan"));
    }
}
