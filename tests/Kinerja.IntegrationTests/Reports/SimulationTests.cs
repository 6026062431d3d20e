using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web.Features.Simulation;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Reports;

public class SimulationTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Simulation_TenPercentOnOneJknRate_ChangesExactlyTheDoctorsWithThatService_ByTheEnginesAmount_AndTouchesNoRun(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var run = await ReportRuns.ApproveAsync(app.Database, Period.Month(2026, 10));
        (int Runs, int Rows, int Audit, decimal Total) Snapshot(KinerjaDb db) => (db.CalculationRuns.Count(), db.RunStaffResults.Count(), db.AuditEntries.Count(),
            db.RunStaffResults.AsNoTracking().Select(r => r.Total).AsEnumerable().Sum());
        (int, int, int, decimal) before;
        await using (var db = app.Database.Open())
            before = Snapshot(db);

        SimulationResult result;
        await using (var db = app.Database.Open())
        {
            var (simulationBase, problems) = await Simulator.LoadAsync(db, run.InstitutionId, Period.Month(2026, 10), Ct);
            Assert.Empty(problems);
            Assert.Equal(run.Id, simulationBase!.Run!.Id);
            result = Simulator.Run(simulationBase, new SimulationChanges { Service = "USG", Payer = Payer.Jkn, RatePercent = 10 }, new Dictionary<string, string?>());
        }

        // Who has USG for JKN patients, and how many units, from the service lines themselves.
        await using (var db = app.Database.Open())
        {
            var usg = (await db.ServiceLines.AsNoTracking().Where(l => l.Service == "USG" && l.Payer == Payer.Jkn && l.Date >= new DateOnly(2026, 10, 1) && l.Date <= new DateOnly(2026, 10, 31))
                    .Select(l => new { l.StaffCode, l.Quantity }).ToListAsync(Ct))
                .GroupBy(l => l.StaffCode).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
            Assert.NotEmpty(usg);
            const decimal oldRate = 40_000m, newRate = 44_000m; // the demo's USG JKN rate, +10 %
            foreach (var row in result.Rows)
            {
                if (usg.TryGetValue(row.Id, out var units))
                {
                    var b = row.Before.Medis!;
                    var a = row.After.Medis!;
                    Assert.Equal(b.BaseAmount + (units * (newRate - oldRate)), a.BaseAmount);
                    Assert.Equal(Money.Round(a.BaseAmount * a.QualityFactor) + a.AddedValue, row.After.PerformanceIncentive);
                    Assert.NotEqual(row.Before.PerformanceIncentive, row.After.PerformanceIncentive);
                }
                else
                {
                    Assert.Equal(row.Before.Total, row.After.Total);
                    Assert.Equal(row.Before.PerformanceIncentive, row.After.PerformanceIncentive);
                    Assert.Equal(row.Before.Withheld, row.After.Withheld);
                }
            }

            Assert.Equal(usg.Keys.Order(), result.Rows.Where(r => r.After.PerformanceIncentive != r.Before.PerformanceIncentive).Select(r => r.Id).Order());
            Assert.Equal(run.Total, result.Before.Totals.Total); // the before side is exactly the run
            Assert.Equal(result.Rows.Sum(r => r.Difference), result.After.Totals.Total - result.Before.Totals.Total);
        }

        // Through the page, as the director.
        var director = await app.SignInAsync("direktur");
        var html = await director.GetStringAsync("/remunerasi/simulasi?periode=2026-10&layanan=USG&penjamin=JKN&persen=10&hitung=true", Ct);
        Assert.Contains($"<strong id=\"jumlah-berubah\">{result.Rows.Count(r => r.Difference != 0)}</strong>", html, StringComparison.Ordinal);

        await using (var db = app.Database.Open())
            Assert.Equal(before, Snapshot(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Simulation_WithoutARun_UsesTheDatabase_AndInvalidStarsAreReported(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        // The demo has runs for June to October 2026; November has data but no run yet.
        await ReportRuns.AddMonthDataAsync(app.Database, Period.Month(2026, 11));
        int runs;
        await using (var db = app.Database.Open())
            runs = await db.CalculationRuns.CountAsync(Ct);
        var director = await app.SignInAsync("direktur");

        var html = await director.GetStringAsync("/remunerasi/simulasi?periode=2026-11&layanan=*&persen=-5&hitung=true", Ct);
        Assert.Contains("Belum ada perhitungan periode ini", html, StringComparison.Ordinal);
        Assert.Contains("id=\"jumlah-berubah\"", html, StringComparison.Ordinal);

        // Two stars with minScore 0 break calculation.md §5: shown, not thrown.
        var invalid = await director.GetStringAsync("/remunerasi/simulasi?periode=2026-11&hitung=true&bintang[0].star=1&bintang[0].minScore=0&bintang[1].star=2&bintang[1].minScore=0", Ct);
        Assert.Contains("aturan tidak valid", invalid, StringComparison.Ordinal);
        await using (var db = app.Database.Open())
            Assert.Equal(runs, await db.CalculationRuns.CountAsync(Ct));

        var pegawai = await app.SignInAsync("dokter");
        var refused = await pegawai.GetAsync("/remunerasi/simulasi", Ct);
        Assert.Contains("/akun/ditolak", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}
