using System.Net;
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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SavedSimulation_IsADraftRuleSet_CopiedFromTheRunsRules_WithTheSimulatedRates_AndNoRunChanges(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var run = await ReportRuns.ApproveAsync(app.Database, Period.Month(2026, 10));
        int sets;
        decimal runTotal;
        await using (var db = app.Database.Open())
        {
            sets = await db.RuleSets.CountAsync(Ct);
            runTotal = (await db.RunStaffResults.AsNoTracking().Where(r => r.RunId == run.Id).Select(r => r.Total).ToListAsync(Ct)).Sum();
        }

        const string query = "/remunerasi/simulasi?periode=2026-10&layanan=USG&penjamin=JKN&persen=10&hitung=true";
        var director = await app.SignInAsync("direktur");
        async Task<HttpResponseMessage> SaveAsync(string path, string month) =>
            await KinerjaApp.PostFormAsync(director, path + "&handler=simpan", new() { ["BerlakuMulai"] = month, ["Catatan"] = "Usulan kenaikan USG" }, path);

        // October is approved: a draft from October would rewrite it.
        var decided = await SaveAsync(query, "2026-10");
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Contains("sudah disetujui atau dibayar", await decided.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // Nothing changed: nothing to save.
        var same = await SaveAsync("/remunerasi/simulasi?periode=2026-10&hitung=true", "2026-12");
        Assert.Contains("tidak mengubah aturan apa pun", await same.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using (var db = app.Database.Open())
            Assert.Equal(sets, await db.RuleSets.CountAsync(Ct));

        var saved = await SaveAsync(query, "2026-12");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.Database.Open())
        {
            var source = await db.RuleSets.AsNoTracking().Include(r => r.Services).SingleAsync(r => r.Id == run.RuleSetId, Ct);
            var draft = await db.RuleSets.AsNoTracking().Include(r => r.Services).OrderByDescending(r => r.Version).FirstAsync(Ct);
            Assert.Equal($"/remunerasi/aturan/{draft.Id}", saved.Headers.Location?.ToString());
            Assert.Equal(sets + 1, await db.RuleSets.CountAsync(Ct));
            Assert.Equal(RuleSetStatus.Draft, draft.Status);
            Assert.Equal(new DateOnly(2026, 12, 1), draft.EffectiveFrom);
            Assert.Equal("Dari simulasi periode 2026-10. Usulan kenaikan USG", draft.Note);
            foreach (var s in source.Services)
            {
                var d = draft.Services.Single(x => x.Code == s.Code);
                Assert.Equal(s.Code == "USG" ? Money.Round(s.RateJkn * 1.1m) : s.RateJkn, d.RateJkn);
                Assert.Equal(s.RateNonJkn, d.RateNonJkn);
            }

            var proposal = await db.RuleSetProposals.AsNoTracking().SingleAsync(p => p.RuleSetId == draft.Id, Ct);
            Assert.Equal((source.Version, "direktur", false), (proposal.BasedOnVersion!.Value, proposal.ProposedBy, proposal.Submitted));
            // The run is as it was: a saved simulation is a proposal, not a recalculation.
            Assert.Equal(RunStatus.Approved, (await db.CalculationRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id, Ct)).Status);
            Assert.Equal(runTotal, (await db.RunStaffResults.AsNoTracking().Where(r => r.RunId == run.Id).Select(r => r.Total).ToListAsync(Ct)).Sum());
        }

        // The draft page shows the change against the version it was copied from.
        var detail = await director.GetStringAsync(saved.Headers.Location!.ToString(), Ct);
        Assert.Contains("44.000", detail, StringComparison.Ordinal);

        // The Dewan Pengawas reads reports but does not simulate or save.
        var dewas = await app.SignInAsync("dewas");
        var refused = await dewas.PostAsync(query + "&handler=simpan", new FormUrlEncodedContent(new Dictionary<string, string> { ["BerlakuMulai"] = "2026-12" }), Ct);
        Assert.DoesNotContain("/remunerasi/aturan/", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        await using (var db = app.Database.Open())
            Assert.Equal(sets + 1, await db.RuleSets.CountAsync(Ct));
    }
}
