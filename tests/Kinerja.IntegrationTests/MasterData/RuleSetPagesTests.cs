using System.Net;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kinerja.IntegrationTests.MasterData.MasterDataHelpers;

namespace Kinerja.IntegrationTests.MasterData;

public class RuleSetPagesTests
{
    /// <summary>The Tim Remunerasi copies version 1 into a draft effective 1 November 2026 with RJ-KONSUL JKN at 30,000.</summary>
    static async Task<int> DraftWithNewRateAsync(KinerjaApp app, HttpClient tim)
    {
        int v1;
        await using (var db = app.Database.Open())
            v1 = (await db.RuleSets.SingleAsync(r => r.Version == 1, Ct)).Id;
        var created = await KinerjaApp.PostFormAsync(tim, "/remunerasi/aturan", new()
        {
            ["Input.From"] = v1.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EffectiveFrom"] = "2026-11",
            ["Input.Note"] = "Rancangan SK tarif November",
        });
        AssertRedirect(created, "/remunerasi/aturan/");
        var draftId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        List<ServiceRate> services;
        await using (var db = app.Database.Open())
            services = await db.ServiceRates.Where(s => s.RuleSetId == draftId).ToListAsync(Ct);
        Assert.Equal(8, services.Count);
        services.Single(s => s.Code == "RJ-KONSUL").RateJkn = 30_000m;
        var edited = await KinerjaApp.PostFormAsync(tim, $"/remunerasi/aturan/{draftId}/layanan", ServiceRows(services));
        AssertRedirect(edited, $"/remunerasi/aturan/{draftId}");
        return draftId;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewVersionWithChangedRate_ApprovedByDireksi_NeverChangesAnEarlierMonth(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var tim = await app.SignInAsync("remunerasi");
        var direktur = await app.SignInAsync("direktur");
        var draftId = await DraftWithNewRateAsync(app, tim);

        // The Direksi sees what changed against version 1 before approving.
        var detail = WebUtility.HtmlDecode(await BodyAsync(await direktur.GetAsync($"/remunerasi/aturan/{draftId}", Ct)));
        Assert.Contains("Perubahan dibanding versi 1", detail, StringComparison.Ordinal);
        Assert.Contains("Rp 25.000", detail, StringComparison.Ordinal);
        Assert.Contains("Rp 30.000", detail, StringComparison.Ordinal);

        AssertRedirect(await KinerjaApp.PostFormAsync(tim, $"/remunerasi/aturan/{draftId}?handler=Ajukan", [], $"/remunerasi/aturan/{draftId}"), $"/remunerasi/aturan/{draftId}");
        AssertRedirect(await KinerjaApp.PostFormAsync(direktur, $"/remunerasi/aturan/{draftId}?handler=Tetapkan", [], $"/remunerasi/aturan/{draftId}"), $"/remunerasi/aturan/{draftId}");

        var (_, october) = await CalculateAsync(app, Period.Month(2026, 10), "D0001");
        var (_, november) = await CalculateAsync(app, Period.Month(2026, 11), "D0001");
        Assert.Equal(1, october.RuleSet!.Version);
        Assert.Equal(25_000m, october.Case!.Rules.Services.Single(s => s.Code == "RJ-KONSUL").Rates.Jkn);
        Assert.Equal(2, november.RuleSet!.Version);
        Assert.Equal(30_000m, november.Case!.Rules.Services.Single(s => s.Code == "RJ-KONSUL").Rates.Jkn);

        var months = WebUtility.HtmlDecode(await BodyAsync(await tim.GetAsync("/remunerasi/aturan?tahun=2026", Ct)));
        Assert.Matches("Oktober 2026</td>\\s*<td>\\s*<a href=\"/remunerasi/aturan/\\d+\">Versi 1</a>", months);
        Assert.Matches("November 2026</td>\\s*<td>\\s*<a href=\"/remunerasi/aturan/\\d+\">Versi 2</a>", months);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApprovingARuleSet_RequiresTheDireksi_AndASubmittedDraft(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var tim = await app.SignInAsync("remunerasi");
        var direktur = await app.SignInAsync("direktur");
        var draftId = await DraftWithNewRateAsync(app, tim);
        var page = $"/remunerasi/aturan/{draftId}";

        // Not submitted yet: the Direksi cannot approve it.
        var early = await KinerjaApp.PostFormAsync(direktur, page + "?handler=Tetapkan", [], page);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("belum diajukan", await BodyAsync(early), StringComparison.Ordinal);

        AssertRedirect(await KinerjaApp.PostFormAsync(tim, page + "?handler=Ajukan", [], page), page);
        var byTim = await KinerjaApp.PostFormAsync(tim, page + "?handler=Tetapkan", [], page);
        Assert.Equal(HttpStatusCode.Forbidden, byTim.StatusCode);
        var byAdmin = await KinerjaApp.PostFormAsync(await app.SignInAsync("admin"), page + "?handler=Tetapkan", [], page);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        await using (var db = app.Database.Open())
            Assert.Equal(RuleSetStatus.Draft, (await db.RuleSets.SingleAsync(r => r.Id == draftId, Ct)).Status);

        AssertRedirect(await KinerjaApp.PostFormAsync(direktur, page + "?handler=Tetapkan", [], page), page);
        await using var check = app.Database.Open();
        var approved = await check.RuleSets.SingleAsync(r => r.Id == draftId, Ct);
        Assert.Equal(RuleSetStatus.Approved, approved.Status);
        Assert.Equal("direktur", approved.ApprovedBy);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Entity == "RuleSet" && a.Action == "Modified" && a.Actor == "direktur", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditingAnApprovedRuleSet_IsRefusedByTheGuard_AndTheRefusalIsShown(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var tim = await app.SignInAsync("remunerasi");
        List<ServiceRate> services;
        int v1;
        await using (var db = app.Database.Open())
        {
            v1 = (await db.RuleSets.SingleAsync(r => r.Version == 1, Ct)).Id;
            services = await db.ServiceRates.Where(s => s.RuleSetId == v1).ToListAsync(Ct);
        }

        services.Single(s => s.Code == "RJ-KONSUL").RateJkn = 1m;
        var response = await KinerjaApp.PostFormAsync(tim, $"/remunerasi/aturan/{v1}/layanan", ServiceRows(services));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Aturan versi 1 sudah ditetapkan Direktur Utama dan tidak dapat diubah", WebUtility.HtmlDecode(await BodyAsync(response)), StringComparison.Ordinal);
        await using var check = app.Database.Open();
        Assert.Equal(25_000m, (await check.ServiceRates.SingleAsync(s => s.RuleSetId == v1 && s.Code == "RJ-KONSUL", Ct)).RateJkn);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RuleSection_WithDuplicateCodeAndBadRate_NamesTheRows_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var tim = await app.SignInAsync("remunerasi");
        var draftId = await DraftWithNewRateAsync(app, tim);
        List<ServiceRate> services;
        await using (var db = app.Database.Open())
            services = await db.ServiceRates.Where(s => s.RuleSetId == draftId).ToListAsync(Ct);
        var fields = ServiceRows(services);
        fields["Rows[8].Code"] = "RJ-KONSUL";
        fields["Rows[8].Name"] = "Ganda";
        fields["Rows[8].RateJkn"] = "12,5";
        fields["Rows[8].RateNonJkn"] = "1000";

        var response = await KinerjaApp.PostFormAsync(tim, $"/remunerasi/aturan/{draftId}/layanan", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await BodyAsync(response));
        Assert.Contains("Baris 9, Jasa JKN (Rp) harus Rupiah bulat", html, StringComparison.Ordinal);
        Assert.Contains("Baris 9: Kode RJ-KONSUL sudah ada di baris 1.", html, StringComparison.Ordinal);
        await using var check = app.Database.Open();
        Assert.Equal(8, await check.ServiceRates.CountAsync(s => s.RuleSetId == draftId, Ct));
    }
}
