using System.Net;
using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kinerja.IntegrationTests.MasterData.MasterDataHelpers;

namespace Kinerja.IntegrationTests.Admin;

/// <summary>
/// The administration pages (/admin/institusi, /admin/pengguna) as the installation administrator uses them. The site
/// checks the security stamp on every request (the app does every minute) so a test sees an old cookie stop working.
/// </summary>
public class AdminPagesTests
{
    const string NewPassword = "Rahasia#2027";

    sealed class Site(KinerjaApp app, WebApplicationFactory<Program> site) : IAsyncDisposable
    {
        public TestDatabase Database => app.Database;

        public HttpClient Browser() => site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        public static async Task<HttpResponseMessage> TrySignInAsync(HttpClient client, string user, string password) =>
            await KinerjaApp.PostFormAsync(client, "/akun/masuk", new() { ["Input.UserName"] = user, ["Input.Password"] = password });

        public async Task<HttpClient> SignInAsync(string user, string password = DemoSeeder.DemoPassword)
        {
            var client = Browser();
            AssertRedirect(await TrySignInAsync(client, user, password), "/beranda");
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            await site.DisposeAsync();
            await app.DisposeAsync();
        }
    }

    static async Task<Site> StartAsync(DatabaseProvider provider)
    {
        var app = new KinerjaApp(await TestDatabase.CreateAsync(provider));
        var site = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        _ = site.Server;
        return new Site(app, site);
    }

    static Dictionary<string, string> UserFields(string userName, string fullName, string institution, string[] roles, string? staffCode = null,
        string? password = NewPassword, string? email = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.FullName"] = fullName, ["Input.Email"] = email ?? $"{userName}@uji.kinerja.id",
            ["Input.Institution"] = institution, ["Input.StaffCode"] = staffCode ?? "",
        };
        if (password is not null)
            fields["Input.Password"] = password;
        for (var i = 0; i < roles.Length; i++)
            fields[$"Input.Roles[{i}]"] = roles[i];
        return fields;
    }

    static async Task<string> UserIdAsync(Site site, string userName)
    {
        await using var db = site.Database.Open();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
    }

    static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await BodyAsync(response));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Institution_CreatedAndEdited_IsListedAndAudited(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");

        AssertRedirect(await KinerjaApp.PostFormAsync(admin, "/admin/institusi/baru", new()
        {
            ["Input.Kind"] = "Puskesmas", ["Input.Code"] = "PKM-SEYEGAN", ["Input.Name"] = "Puskesmas Seyegan", ["Input.Parent"] = "DINKES-SLEMAN",
            ["Input.KabupatenKota"] = "Kabupaten Sleman", ["Input.Provinsi"] = "Daerah Istimewa Yogyakarta",
        }), "/admin/institusi");
        var list = await HtmlAsync(await admin.GetAsync("/admin/institusi", Ct));
        Assert.Contains("Institusi Puskesmas Seyegan disimpan.", list, StringComparison.Ordinal);
        Assert.Contains("PKM-SEYEGAN", list, StringComparison.Ordinal);

        int id;
        await using (var db = site.Database.Open())
        {
            var stored = await db.Institutions.Include(i => i.Parent).SingleAsync(i => i.Code == "PKM-SEYEGAN", Ct);
            Assert.Equal(("DINKES-SLEMAN", InstitutionKind.Puskesmas), (stored.Parent!.Code, stored.Kind));
            id = stored.Id;
        }

        AssertRedirect(await KinerjaApp.PostFormAsync(admin, $"/admin/institusi/{id}", new()
        {
            ["Input.Kind"] = "Puskesmas", ["Input.Code"] = "DIABAIKAN", ["Input.Name"] = "Puskesmas Seyegan Baru", ["Input.Parent"] = "DINKES-SLEMAN",
        }), "/admin/institusi");
        await using var check = site.Database.Open();
        var edited = await check.Institutions.SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(("PKM-SEYEGAN", "Puskesmas Seyegan Baru"), (edited.Code, edited.Name));
        var audit = await check.AuditEntries.Where(a => a.Entity == "Institution" && a.EntityKey == id.ToString() && a.Actor == "admin")
            .Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["Added", "Modified"], audit.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Institution_BreakingTheRules_NamesEachField_AndSavesNothing(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");

        var puskesmas = await KinerjaApp.PostFormAsync(admin, "/admin/institusi/baru", new()
        {
            ["Input.Kind"] = "Puskesmas", ["Input.Code"] = "rsup-contoh", ["Input.Name"] = "", ["Input.Parent"] = "", ["Input.KmkCluster"] = "B",
        });
        Assert.Equal(HttpStatusCode.OK, puskesmas.StatusCode);
        var html = await HtmlAsync(puskesmas);
        Assert.Contains("Kode rsup-contoh sudah dipakai institusi lain.", html, StringComparison.Ordinal);
        Assert.Contains("Nama wajib diisi.", html, StringComparison.Ordinal);
        Assert.Contains("Dinas Kesehatan induk wajib diisi untuk puskesmas.", html, StringComparison.Ordinal);
        Assert.Contains("Klaster KMK hanya untuk rumah sakit.", html, StringComparison.Ordinal);

        var hospital = await HtmlAsync(await KinerjaApp.PostFormAsync(admin, "/admin/institusi/baru", new()
        {
            ["Input.Kind"] = "RumahSakit", ["Input.Code"] = "RSUD-UJI", ["Input.Name"] = "RSUD Uji", ["Input.Parent"] = "PKM-MOYUDAN",
        }));
        Assert.Contains("Klaster KMK wajib diisi untuk rumah sakit", hospital, StringComparison.Ordinal);
        Assert.Contains("Hanya puskesmas yang punya Dinas Kesehatan induk.", hospital, StringComparison.Ordinal);

        // The Dinas has puskesmas under it: it cannot become something else.
        int dinas;
        await using (var db = site.Database.Open())
            dinas = (await db.Institutions.SingleAsync(i => i.Code == "DINKES-SLEMAN", Ct)).Id;
        var kind = await HtmlAsync(await KinerjaApp.PostFormAsync(admin, $"/admin/institusi/{dinas}", new()
        {
            ["Input.Kind"] = "Komunitas", ["Input.Name"] = "Dinas Kesehatan Kabupaten Sleman",
        }));
        Assert.Contains("Institusi ini membawahi 5 puskesmas: jenisnya harus tetap Dinas Kesehatan.", kind, StringComparison.Ordinal);

        await using var check = site.Database.Open();
        Assert.Equal(8, await check.Institutions.CountAsync(Ct));
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Entity == "Institution" && a.Actor == "admin", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task User_CreatedByTheAdmin_SignsIn_AndSeesOnlyTheirInstitution(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");
        AssertRedirect(await KinerjaApp.PostFormAsync(admin, "/admin/institusi/baru", new()
        {
            ["Input.Kind"] = "RumahSakit", ["Input.Code"] = "RSUD-WATES", ["Input.Name"] = "RSUD Wates", ["Input.KmkCluster"] = "c",
        }), "/admin/institusi");

        var created = await KinerjaApp.PostFormAsync(admin, "/admin/pengguna/baru",
            UserFields("tim.wates", "Rina Tim Wates", "RSUD-WATES", ["TimRemunerasi", "Direksi"]));
        var id = await UserIdAsync(site, "tim.wates");
        AssertRedirect(created, $"/admin/pengguna/{id}");
        Assert.Contains("Akun tim.wates dibuat.", await HtmlAsync(await admin.GetAsync($"/admin/pengguna/{id}", Ct)), StringComparison.Ordinal);

        var user = await site.SignInAsync("tim.wates", NewPassword);
        var home = await HtmlAsync(await user.GetAsync("/beranda", Ct));
        Assert.Contains("Tim Remunerasi · Direksi · RSUD Wates", home, StringComparison.Ordinal);
        var staff = await HtmlAsync(await user.GetAsync("/remunerasi/pegawai", Ct));
        Assert.Contains("0 pegawai", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("P0001", staff, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/admin/pengguna", Ct)).StatusCode);

        await using var db = site.Database.Open();
        Assert.Equal("C", (await db.Institutions.SingleAsync(i => i.Code == "RSUD-WATES", Ct)).KmkCluster);
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == "AppUser" && a.EntityKey == id, Ct);
        Assert.Equal(("admin", "Added"), (audit.Actor, audit.Action));
        Assert.Contains("\"Roles\":[\"Direksi\",\"TimRemunerasi\"]", audit.After, StringComparison.Ordinal);
        Assert.Contains("RSUD-WATES", audit.After, StringComparison.Ordinal);
        var hash = (await db.Users.SingleAsync(u => u.Id == id, Ct)).PasswordHash!;
        Assert.DoesNotContain(NewPassword, audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, audit.After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task User_BreakingTheRules_NamesEachField_AndCreatesNothing(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");

        var response = await KinerjaApp.PostFormAsync(admin, "/admin/pengguna/baru",
            UserFields("dokter", "", "RSUP-CONTOH", ["Pegawai"], staffCode: "X9999", password: "pendek", email: "bukan-email"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("Nama pengguna dokter sudah dipakai.", html, StringComparison.Ordinal);
        Assert.Contains("Nama lengkap wajib diisi.", html, StringComparison.Ordinal);
        Assert.Contains("E-mail bukan-email tidak valid.", html, StringComparison.Ordinal);
        Assert.Contains("Kode pegawai X9999 tidak ada di data pegawai RSUP Contoh.", html, StringComparison.Ordinal);
        Assert.Contains("Kata sandi terlalu pendek: paling sedikit 8 karakter.", html, StringComparison.Ordinal);
        Assert.Contains("Kata sandi harus memuat angka.", html, StringComparison.Ordinal);

        var second = await HtmlAsync(await KinerjaApp.PostFormAsync(admin, "/admin/pengguna/baru",
            UserFields("pegawai.baru", "Pegawai Baru", "DINKES-SLEMAN", ["Pegawai"], email: "dinkes@demo.kinerja.id")));
        Assert.Contains("E-mail dinkes@demo.kinerja.id sudah dipakai akun dinkes.", second, StringComparison.Ordinal);
        Assert.Contains("Kode pegawai wajib diisi untuk peran Pegawai", second, StringComparison.Ordinal);

        var third = await HtmlAsync(await KinerjaApp.PostFormAsync(admin, "/admin/pengguna/baru",
            UserFields("tanpa.peran", "Tanpa Peran", "", [], staffCode: "P0001")));
        Assert.Contains("Pilih paling sedikit satu peran.", third, StringComparison.Ordinal);
        Assert.Contains("Kode pegawai hanya untuk akun rumah sakit: pilih rumah sakitnya.", third, StringComparison.Ordinal);

        var fourth = await HtmlAsync(await KinerjaApp.PostFormAsync(admin, "/admin/pengguna/baru",
            UserFields("perawat.dua", "Perawat Dua", "RSUP-CONTOH", ["Pegawai"], staffCode: "P0001")));
        Assert.Contains("Kode pegawai P0001 sudah dipakai akun perawat.", fourth, StringComparison.Ordinal);

        // The same rules in English.
        await admin.GetAsync("/bahasa/en", Ct);
        var english = await HtmlAsync(await KinerjaApp.PostFormAsync(admin, "/admin/pengguna/baru",
            UserFields("tanpa.institusi", "Tanpa Institusi", "", ["Direksi"])));
        Assert.Contains("The institution is required; only an Administrator may have none", english, StringComparison.Ordinal);

        await using var db = site.Database.Open();
        Assert.Equal(DemoSeeder.Accounts.Count, await db.Users.CountAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == "AppUser", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task User_RolesChanged_EndsTheOldSession_AndTheNewRolesApply(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");
        AssertRedirect(await KinerjaApp.PostFormAsync(admin, "/admin/pengguna/baru",
            UserFields("verif.dua", "Verifikator Dua", "RSUP-CONTOH", ["TimRemunerasi"])), "/admin/pengguna/");
        var id = await UserIdAsync(site, "verif.dua");
        var user = await site.SignInAsync("verif.dua", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/remunerasi/pegawai", Ct)).StatusCode);

        // A change of full name alone keeps the session; a change of institution and role ends it.
        AssertRedirect(await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}",
            UserFields("verif.dua", "Verifikator Dua, S.E.", "RSUP-CONTOH", ["TimRemunerasi"], password: null)), $"/admin/pengguna/{id}");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/remunerasi/pegawai", Ct)).StatusCode);
        AssertRedirect(await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}",
            UserFields("verif.dua", "Verifikator Dua, S.E.", "DINKES-SLEMAN", ["DinasKesehatan"], password: null)), $"/admin/pengguna/{id}");
        AssertRedirect(await user.GetAsync("/remunerasi/pegawai", Ct), "http://localhost/akun/masuk");

        var again = await site.SignInAsync("verif.dua", NewPassword);
        AssertRedirect(await again.GetAsync("/remunerasi/pegawai", Ct), "http://localhost/akun/ditolak");
        Assert.Contains("Dinas Kesehatan Kabupaten Sleman", await HtmlAsync(await again.GetAsync("/beranda", Ct)), StringComparison.Ordinal);

        await using var db = site.Database.Open();
        var changes = await db.AuditEntries.Where(a => a.Entity == "AppUser" && a.EntityKey == id && a.Action == "Modified").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(2, changes.Count);
        Assert.Contains("\"Roles\":[\"TimRemunerasi\"]", changes[1].Before, StringComparison.Ordinal);
        Assert.Contains("\"Roles\":[\"DinasKesehatan\"]", changes[1].After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task User_Locked_IsRefusedAtSignIn_AndLosesTheSession_UntilUnlocked(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");
        var perawat = await site.SignInAsync("perawat");
        var id = await UserIdAsync(site, "perawat");

        AssertRedirect(await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}?handler=Lock", [], $"/admin/pengguna/{id}"), $"/admin/pengguna/{id}");
        var page = await HtmlAsync(await admin.GetAsync($"/admin/pengguna/{id}", Ct));
        Assert.Contains("Akun perawat dikunci", page, StringComparison.Ordinal);
        Assert.Contains("Terkunci", page, StringComparison.Ordinal);
        AssertRedirect(await perawat.GetAsync("/remunerasi/saya", Ct), "http://localhost/akun/masuk");
        var refused = await Site.TrySignInAsync(site.Browser(), "perawat", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Akun ini dikunci oleh administrator.", await HtmlAsync(refused), StringComparison.Ordinal);
        Assert.Contains("Terkunci", await HtmlAsync(await admin.GetAsync("/admin/pengguna?q=perawat", Ct)), StringComparison.Ordinal);

        AssertRedirect(await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}?handler=Unlock", [], $"/admin/pengguna/{id}"), $"/admin/pengguna/{id}");
        await site.SignInAsync("perawat");

        await using var db = site.Database.Open();
        var actions = await db.AuditEntries.Where(a => a.Entity == "AppUser" && a.EntityKey == id && a.Actor == "admin").OrderBy(a => a.Id)
            .Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["Locked", "Unlocked"], actions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task User_PasswordReset_ByTheAdmin_ReplacesTheOldOne(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");
        var id = await UserIdAsync(site, "dokter");

        var weak = await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}?handler=Reset", new() { ["NewPassword"] = "tanpaangka" }, $"/admin/pengguna/{id}");
        var html = await HtmlAsync(weak);
        Assert.Contains("Kata sandi harus memuat angka.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"dr. Dokter 1\"", html, StringComparison.Ordinal); // the account form is still filled in

        AssertRedirect(await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}?handler=Reset", new() { ["NewPassword"] = NewPassword },
            $"/admin/pengguna/{id}"), $"/admin/pengguna/{id}");
        Assert.Equal(HttpStatusCode.OK, (await Site.TrySignInAsync(site.Browser(), "dokter", DemoSeeder.DemoPassword)).StatusCode);
        await site.SignInAsync("dokter", NewPassword);

        await using var db = site.Database.Open();
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == "AppUser" && a.EntityKey == id, Ct);
        Assert.Equal(("admin", "PasswordReset"), (audit.Actor, audit.Action));
        var hash = (await db.Users.SingleAsync(u => u.Id == id, Ct)).PasswordHash!;
        Assert.DoesNotContain(hash, audit.After + audit.Before, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, audit.After + audit.Before, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Admin_CannotLockThemselves_NorDropTheirOwnAdministratorRole(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");
        var id = await UserIdAsync(site, "admin");
        var own = await HtmlAsync(await admin.GetAsync($"/admin/pengguna/{id}", Ct));
        Assert.DoesNotContain("handler=Lock", own, StringComparison.Ordinal);

        var locked = await HtmlAsync(await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}?handler=Lock", [], $"/admin/pengguna/{id}"));
        Assert.Contains("Anda tidak dapat mengunci akun Anda sendiri.", locked, StringComparison.Ordinal);
        var demoted = await HtmlAsync(await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}",
            UserFields("admin", "Admin Kinerja", "", ["Moderator"], password: null, email: "admin@demo.kinerja.id")));
        Assert.Contains("Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri.", demoted, StringComparison.Ordinal);

        // Their own name and a second role are fine, and they stay signed in although the security stamp changed.
        AssertRedirect(await KinerjaApp.PostFormAsync(admin, $"/admin/pengguna/{id}",
            UserFields("admin", "Admin Kinerja Utama", "", ["Admin", "Moderator"], password: null, email: "admin@demo.kinerja.id")), $"/admin/pengguna/{id}");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/pengguna", Ct)).StatusCode);
        await using var db = site.Database.Open();
        var user = await db.Users.SingleAsync(u => u.Id == id, Ct);
        Assert.Null(user.LockoutEnd);
        Assert.Equal("Admin Kinerja Utama", user.FullName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Administration_IsRefusedToEveryoneButTheAdministrator(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        foreach (var page in new[] { "/admin/pengguna", "/admin/pengguna/baru", "/admin/institusi", "/admin/institusi/baru" })
            AssertRedirect(await site.Browser().GetAsync(page, Ct), "http://localhost/akun/masuk");

        foreach (var name in new[] { "remunerasi", "dinkes", "moderator" })
        {
            var client = await site.SignInAsync(name);
            foreach (var page in new[] { "/admin/pengguna", "/admin/institusi/baru" })
                AssertRedirect(await client.GetAsync(page, Ct), "http://localhost/akun/ditolak");
            AssertRedirect(await KinerjaApp.PostFormAsync(client, "/admin/institusi/baru", new()
            {
                ["Input.Kind"] = "DinasKesehatan", ["Input.Code"] = "DINKES-" + name.ToUpperInvariant(), ["Input.Name"] = "Dinas Palsu",
            }, "/beranda"), "http://localhost/akun/ditolak");
            AssertRedirect(await KinerjaApp.PostFormAsync(client, "/admin/pengguna/baru",
                UserFields("palsu." + name, "Palsu", "", ["Admin"]), "/beranda"), "http://localhost/akun/ditolak");
        }

        await using var db = site.Database.Open();
        Assert.Equal(8, await db.Institutions.CountAsync(Ct));
        Assert.False(await db.Users.AnyAsync(u => u.UserName!.StartsWith("palsu."), Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UserList_FiltersByInstitutionRoleAndSearch(DatabaseProvider provider)
    {
        await using var site = await StartAsync(provider);
        var admin = await site.SignInAsync("admin");

        var dinas = await HtmlAsync(await admin.GetAsync("/admin/pengguna?institusi=DINKES-SLEMAN", Ct));
        Assert.Contains("Evita Rahmawati", dinas, StringComparison.Ordinal);
        Assert.DoesNotContain("Sri Wahyuni", dinas, StringComparison.Ordinal);
        var pegawai = await HtmlAsync(await admin.GetAsync("/admin/pengguna?peran=Pegawai", Ct));
        Assert.Contains("dr. Dokter 1", pegawai, StringComparison.Ordinal);
        Assert.Contains("2 pengguna", pegawai, StringComparison.Ordinal);
        var search = await HtmlAsync(await admin.GetAsync("/admin/pengguna?q=WAHYUNI", Ct));
        Assert.Contains("Sri Wahyuni", search, StringComparison.Ordinal);
        Assert.Contains("1 pengguna", search, StringComparison.Ordinal);
        var none = await HtmlAsync(await admin.GetAsync("/admin/pengguna?q=wahyuni&peran=Direksi", Ct));
        Assert.Contains("Tidak ada pengguna yang cocok.", none, StringComparison.Ordinal);
    }
}
