using System.Net;
using Kinerja.Data;
using Kinerja.Data.Audit;
using Kinerja.Data.Demo;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Foundation;

public class FoundationTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_MatchTheModel(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        await using var db = database.Open();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run scripts/regen-migrations.sh");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstStart_MigratesSeedsAndServesHomeAndHealth(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var client = app.Browser();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);

        await using var db = app.Database.Open();
        var institutions = await db.Institutions.ToListAsync(Ct);
        Assert.Contains(institutions, i => i is { Code: "RSUP-CONTOH", Kind: InstitutionKind.RumahSakit, KmkCluster: "B" });
        var sleman = Assert.Single(institutions, i => i.Kind == InstitutionKind.DinasKesehatan);
        Assert.Equal(5, institutions.Count(i => i.Kind == InstitutionKind.Puskesmas && i.ParentId == sleman.Id));
        Assert.Contains(institutions, i => i.Name == "Puskesmas Moyudan");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryDemoAccount_SignsInAndReachesItsHomePage(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        foreach (var account in DemoSeeder.Accounts)
        {
            var client = await app.SignInAsync(account.UserName);
            var home = await client.GetAsync("/beranda", Ct);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = await home.Content.ReadAsStringAsync(Ct);
            Assert.Contains(WebUtility.HtmlEncode(account.FullName), html, StringComparison.Ordinal);
            Assert.Contains(Kinerja.Data.Identity.Roles.Label(account.Role), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnonymousRequest_ToProtectedPage_RedirectsToLogin()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.Browser().GetAsync("/beranda", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsIndonesianError_AndLocksOutAfterFiveFailures()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        HttpResponseMessage response = null!;
        for (var i = 0; i < 5; i++)
        {
            response = await KinerjaApp.PostFormAsync(client, "/akun/masuk", new() { ["Input.UserName"] = "dokter", ["Input.Password"] = "salah-salah" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Contains("Akun terkunci sementara", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Locked: even the right password is refused now.
        response = await KinerjaApp.PostFormAsync(client, "/akun/masuk", new() { ["Input.UserName"] = "dokter", ["Input.Password"] = DemoSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiForgeryToken_IsRefused()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.Browser().PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "dokter", ["Input.Password"] = DemoSeeder.DemoPassword,
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PasswordChange_TakesEffect()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.SignInAsync("anggota");
        var response = await KinerjaApp.PostFormAsync(client, "/akun/kata-sandi", new()
        {
            ["Input.Current"] = DemoSeeder.DemoPassword, ["Input.New"] = "Baru#2026x", ["Input.Confirm"] = "Baru#2026x",
        });
        Assert.Contains("Kata sandi sudah diganti", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await app.SignInAsync("anggota", "Baru#2026x");
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync("anggota"));
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglish()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        Assert.Contains("Masuk ke Kinerja", await client.GetStringAsync("/akun/masuk", Ct), StringComparison.Ordinal);
        var switched = await client.GetAsync("/bahasa/en?kembali=/akun/masuk", Ct);
        Assert.Equal("/akun/masuk", switched.Headers.Location!.OriginalString);
        Assert.Contains("Sign in to Kinerja", await client.GetStringAsync("/akun/masuk", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_ReturnsOnlyToAPathOfThisSite()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        foreach (var elsewhere in new[] { "//evil.example", "/\\evil.example", "https://evil.example/", "" })
        {
            var response = await client.GetAsync($"/bahasa/en?kembali={Uri.EscapeDataString(elsewhere)}", Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditedChange_RecordsWhoWhenBeforeAndAfter(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        await using (var db = database.Open(new SystemActor("tester")))
        {
            db.Institutions.Add(new Institution { Code = "RS-X", Name = "RS X", Kind = InstitutionKind.RumahSakit, KmkCluster = "C" });
            await db.SaveChangesAsync(Ct);
            var rs = await db.Institutions.SingleAsync(i => i.Code == "RS-X", Ct);
            rs.KmkCluster = "B";
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = database.Open())
        {
            var entries = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync(Ct);
            Assert.Equal(["Added", "Modified"], entries.Select(e => e.Action));
            Assert.All(entries, e => Assert.Equal("tester", e.Actor));
            Assert.Contains("\"KmkCluster\":\"C\"", entries[1].Before, StringComparison.Ordinal);
            Assert.Contains("\"KmkCluster\":\"B\"", entries[1].After, StringComparison.Ordinal);
            Assert.DoesNotContain("Name", entries[1].After, StringComparison.Ordinal);
        }
    }
}
