using System.Net;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.IntegrationTests.Reports;
using Microsoft.EntityFrameworkCore;
using static Kinerja.IntegrationTests.MasterData.MasterDataHelpers;

namespace Kinerja.IntegrationTests.MasterData;

/// <summary>/remunerasi/anggaran: the monthly personnel budget, revenue and ratio limit (PeriodBudget).</summary>
public partial class BudgetPageTests
{
    const string Page2026 = "/remunerasi/anggaran?tahun=2026";

    /// <summary>The month inputs of the page as a browser would post them back, with <paramref name="changes"/> typed in.</summary>
    static async Task<Dictionary<string, string>> FormAsync(HttpClient client, Dictionary<string, string> changes)
    {
        var html = await client.GetStringAsync(Page2026, Ct);
        var fields = InputPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (name, value) in changes)
            fields[name] = value;
        return fields;
    }

    [GeneratedRegex("<input name=\"(Months\\[\\d+\\]\\.\\w+)\" value=\"([^\"]*)\"")]
    private static partial Regex InputPattern();

    static async Task<Dictionary<string, PeriodBudget>> BudgetsAsync(KinerjaApp app)
    {
        await using var db = app.Database.Open();
        return await db.PeriodBudgets.AsNoTracking().Where(b => b.Period.StartsWith("2026-")).ToDictionaryAsync(b => b.Period, Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Team_SavesAMonth_InEitherNumberForm_Audited(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var team = await app.SignInAsync("remunerasi");
        var page = await team.GetStringAsync(Page2026, Ct);
        // June to October have approved or paid runs (demo): no inputs; November's demo budget is in the form.
        Assert.DoesNotContain("name=\"Months[9].PersonnelBudget\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Months[10].PersonnelBudget\" value=\"9.500.000.000\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Months[11].MaxRatio\" value=\"45\"", page, StringComparison.Ordinal);

        var fields = await FormAsync(team, new()
        {
            ["Months[11].PersonnelBudget"] = "2.500.000.000", ["Months[11].Revenue"] = "6000000000", ["Months[11].MaxRatio"] = "47,5",
            ["Months[0].PersonnelBudget"] = "Rp 9.000.000.000", ["Months[0].Revenue"] = "", ["Months[0].MaxRatio"] = "",
        });
        var response = await KinerjaApp.PostFormAsync(team, Page2026, fields);
        AssertRedirect(response, "/remunerasi/anggaran?tahun=2026&disimpan=true");

        var budgets = await BudgetsAsync(app);
        var december = budgets["2026-12"];
        Assert.Equal((2_500_000_000m, 6_000_000_000m, 0.475m), (december.PersonnelBudget, december.Revenue, december.MaxPersonnelRatio));
        var january = budgets["2026-01"];
        Assert.Equal((9_000_000_000m, (decimal?)null, 0.45m), (january.PersonnelBudget, january.Revenue, january.MaxPersonnelRatio));
        Assert.Equal(9_500_000_000m, budgets["2026-11"].PersonnelBudget);
        Assert.False(budgets.ContainsKey("2026-02"));
        await using (var db = app.Database.Open())
        {
            var audit = await db.AuditEntries.Where(a => a.Entity == nameof(PeriodBudget) && a.Actor == "remunerasi").ToListAsync(Ct);
            Assert.Equal(2, audit.Count); // January and December added; November unchanged, so not written
        }

        var saved = await team.GetStringAsync(Page2026 + "&disimpan=true", Ct);
        Assert.Contains("Anggaran dan pendapatan disimpan.", saved, StringComparison.Ordinal);
        Assert.Contains("name=\"Months[11].MaxRatio\" value=\"47,5\"", saved, StringComparison.Ordinal);

        // Emptying a month's amounts removes it.
        response = await KinerjaApp.PostFormAsync(team, Page2026, await FormAsync(team, new() { ["Months[0].PersonnelBudget"] = "" }));
        AssertRedirect(response, "/remunerasi/anggaran?tahun=2026");
        Assert.False((await BudgetsAsync(app)).ContainsKey("2026-01"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AClosedMonth_IsRefusedByName_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var team = await app.SignInAsync("remunerasi");
        var fields = await FormAsync(team, new()
        {
            ["Months[9].PersonnelBudget"] = "1.000", ["Months[9].Revenue"] = "24.000.000.000", ["Months[9].MaxRatio"] = "45",
            ["Months[11].PersonnelBudget"] = "2.500.000.000",
        });
        var response = await KinerjaApp.PostFormAsync(team, Page2026, fields);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = WebUtility.HtmlDecode(await BodyAsync(response));
        Assert.Contains("Oktober 2026 sudah ditutup: perhitungannya sudah disetujui atau dibayar", html, StringComparison.Ordinal);
        var budgets = await BudgetsAsync(app);
        Assert.Equal(9_500_000_000m, budgets["2026-10"].PersonnelBudget);
        Assert.False(budgets.ContainsKey("2026-12"));

        // The data layer refuses it too, whoever writes (an import, a command).
        await using var db = app.Database.Open(new SystemActor("remunerasi"));
        var october = await db.PeriodBudgets.SingleAsync(b => b.Period == "2026-10", Ct);
        october.Revenue = 1;
        var refused = await Assert.ThrowsAsync<ClosedRecordException>(() => db.SaveChangesAsync(Ct));
        Assert.Contains("2026-10", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportingACase_IntoAClosedMonth_WithAnotherBudget_IsRefused(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        await using var db = app.Database.Open(new SystemActor("remunerasi"));
        var built = await CaseBuilder.BuildAsync(db, await HospitalIdAsync(app), Period.Month(2026, 10), Ct);
        var @case = built.Case! with { Rules = built.Case!.Rules with { Budget = new BudgetRules(1_000m, 2_000m, 0.45m) } };
        using var json = new MemoryStream();
        CaseWriter.Write(json, @case);
        json.Position = 0;

        var result = await CaseImporter.ImportAsync(db, json, "oktober.json", "RSUP-CONTOH", "test", Ct);
        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal("rules.budget", error.Path);
        Assert.Contains("2026-10", error.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(9_500_000_000m, (await db.PeriodBudgets.SingleAsync(b => b.Period == "2026-10", Ct)).PersonnelBudget);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadNumbers_NameTheMonthAndTheField(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var team = await app.SignInAsync("remunerasi");
        var fields = await FormAsync(team, new()
        {
            ["Months[11].PersonnelBudget"] = "2,5 miliar", ["Months[11].Revenue"] = "-5000", ["Months[11].MaxRatio"] = "150",
            ["Months[0].PersonnelBudget"] = "9.000.000.000",
        });
        var response = await KinerjaApp.PostFormAsync(team, Page2026, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await BodyAsync(response));
        Assert.Contains("Periksa isian yang ditandai. Belum ada yang disimpan.", html, StringComparison.Ordinal);
        Assert.Contains("Anggaran belanja pegawai Desember 2026 harus Rupiah bulat tanpa desimal, misalnya 2500000.", html, StringComparison.Ordinal);
        Assert.Contains("Pendapatan Desember 2026 tidak boleh negatif.", html, StringComparison.Ordinal);
        Assert.Contains("Batas rasio belanja pegawai Desember 2026 harus antara 1 dan 100.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Months[11].PersonnelBudget\" value=\"2,5 miliar\"", html, StringComparison.Ordinal); // kept as typed
        var budgets = await BudgetsAsync(app);
        Assert.False(budgets.ContainsKey("2026-12"));
        Assert.False(budgets.ContainsKey("2026-01"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Direksi_AndDewanPengawas_Read_WithoutAForm_AndTheirPostIsRefused(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        foreach (var user in new[] { "direktur", "dewas" })
        {
            var client = await app.SignInAsync(user);
            var html = await client.GetStringAsync(Page2026, Ct);
            Assert.Contains("Rp 9.500.000.000", html, StringComparison.Ordinal);
            Assert.Contains("Rp 24.000.000.000", html, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"Months[", html, StringComparison.Ordinal);
            Assert.Equal(1, Regex.Count(html, "method=\"post\"")); // only the sign-out form

            var response = await KinerjaApp.PostFormAsync(client, Page2026, new()
            {
                ["Months[11].PersonnelBudget"] = "1", ["Months[11].Revenue"] = "1", ["Months[11].MaxRatio"] = "45",
            });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.False((await BudgetsAsync(app)).ContainsKey("2026-12"));
        var employee = await app.SignInAsync("dokter");
        var denied = await employee.GetAsync(Page2026, Ct);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARunAfterEnteringTheBudget_CarriesTheRatioFlag_WhenRevenueIsLow(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        await ReportRuns.AddMonthDataAsync(app.Database, Period.Month(2026, 12));
        var team = await app.SignInAsync("remunerasi");
        var response = await KinerjaApp.PostFormAsync(team, Page2026, await FormAsync(team, new()
        {
            ["Months[11].PersonnelBudget"] = "100.000.000.000", ["Months[11].Revenue"] = "1.000.000.000", ["Months[11].MaxRatio"] = "45",
        }));
        AssertRedirect(response, "/remunerasi/anggaran?tahun=2026");

        await using var db = app.Database.Open(new SystemActor("remunerasi"));
        var outcome = await RunService.CalculateAsync(db, await HospitalIdAsync(app), Period.Month(2026, 12), cancellationToken: Ct);
        Assert.True(outcome.Ok, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        var run = outcome.Run!;
        Assert.Contains(Flags.PersonnelRatioExceeded, run.Flags.Split(' '));
        Assert.DoesNotContain(Flags.OverBudget, run.Flags.Split(' '));
        Assert.Equal(Money.RoundRatio(run.Total / 1_000_000_000m), Money.RoundRatio(run.PersonnelRatio!.Value));

        // Monitoring shows the month's ratio against the limit.
        var html = await (await app.SignInAsync("direktur")).GetStringAsync("/remunerasi/monitoring?tahun=2026&bulan=2026-12", Ct);
        Assert.DoesNotContain("Pendapatan bulan ini belum diisi.", html, StringComparison.Ordinal);
    }
}
