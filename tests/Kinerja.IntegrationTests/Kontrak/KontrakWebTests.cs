using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Kontrak;

/// <summary>The Kontrak pages as the Dinas, the Kepala Puskesmas and the worker use them, on 23 November 2026.</summary>
public partial class KontrakWebTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed class App(KinerjaApp app, WebApplicationFactory<Program> factory) : IAsyncDisposable
    {
        public TestDatabase Database => app.Database;

        public async Task<HttpClient> SignInAsync(string user)
        {
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var response = await KinerjaApp.PostFormAsync(client, "/akun/masuk", new() { ["Input.UserName"] = user, ["Input.Password"] = DemoSeeder.DemoPassword });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return client;
        }

        public HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        public async ValueTask DisposeAsync()
        {
            await factory.DisposeAsync();
            await app.DisposeAsync();
        }
    }

    static async Task<App> StartAsync(DatabaseProvider provider)
    {
        var app = new KinerjaApp(await TestDatabase.CreateAsync(provider));
        var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(FixedClock.DemoToday)));
        _ = factory.Server;
        return new App(app, factory);
    }

    static async Task<int> ContractIdAsync(App app, string contractor)
    {
        await using var db = app.Database.Open();
        return await db.Contracts.Where(c => c.ContractorName == contractor).Select(c => c.Id).SingleAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dinas_DraftBelowUmk_IsRefused_ThenFixedAndActivated(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var dinkes = await app.SignInAsync("dinkes");
        int depok;
        await using (var db = app.Database.Open())
            depok = (await KontrakData.PuskesmasAsync(db, "PKM-DEPOK1")).Id;
        var fields = new Dictionary<string, string>
        {
            ["Input.PuskesmasId"] = depok.ToString(), ["Input.Position"] = "Tenaga Promosi Kesehatan", ["Input.ContractorKind"] = "Person",
            ["Input.ContractorName"] = "Fajar Setiawan, S.KM", ["Input.Education"] = "S1", ["Input.HealthEducation"] = "true",
            ["Input.Major"] = "Kesehatan Masyarakat", ["Input.Specialisation"] = "Promosi Kesehatan", ["Input.ExperienceMonths"] = "20",
            ["Input.FundingSource"] = "BOK", ["Input.BudgetLine"] = "BOK Puskesmas 2026: honor promkes", ["Input.SkNumber"] = "188/0200/KPTS/DINKES/2026",
            ["Input.SkDate"] = "2026-11-25", ["Input.Start"] = "2026-12-01", ["Input.End"] = "2026-12-31", ["Input.MonthlyHonorarium"] = "2500000",
            ["Input.JknEnrolled"] = "true",
        };
        var page = await dinkes.GetStringAsync("/kontrak/ubah", Ct);
        fields["Input.RuleSetId"] = Regex.Match(page, "<option value=\"(\\d+)\"[^>]*>BOK Promkes").Groups[1].Value;
        var saved = await KinerjaApp.PostFormAsync(dinkes, "/kontrak/ubah", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var detail = saved.Headers.Location!.OriginalString.Split('?')[0];

        var refused = await KinerjaApp.PostFormAsync(dinkes, detail + "?handler=Activate", [], detail);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Kontrak tidak dapat diaktifkan", html, StringComparison.Ordinal);
        Assert.Contains("di bawah UMK Kabupaten Sleman 2026 Rp 2.624.387", html, StringComparison.Ordinal);

        var id = detail.Split('/')[^1];
        fields["Input.MonthlyHonorarium"] = "2650000";
        Assert.Equal(HttpStatusCode.Redirect, (await KinerjaApp.PostFormAsync(dinkes, $"/kontrak/ubah/{id}", fields)).StatusCode);
        var activated = await KinerjaApp.PostFormAsync(dinkes, detail + "?handler=Activate", [], detail);
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.Contains("Kontrak diaktifkan.", await dinkes.GetStringAsync(detail, Ct), StringComparison.Ordinal);
        await using var check = app.Database.Open();
        Assert.Equal(ContractStatus.Active, (await check.Contracts.SingleAsync(c => c.Id == int.Parse(id), Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Kapus_WritesTargets_VerifiesAchievement_AndTheRecommendationChanges(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var kapus = await app.SignInAsync("kapus");
        var id = await ContractIdAsync(app, "Rina Wulandari, S.KM");
        var detail = await kapus.GetStringAsync($"/kontrak/{id}", Ct);
        Assert.Contains("Belum direkomendasikan untuk diperpanjang", detail, StringComparison.Ordinal);
        Assert.Contains("berakhir 31 Desember 2026", WebUtility.HtmlDecode(detail).Replace("Kontrak ini berakhir", "berakhir", StringComparison.Ordinal), StringComparison.Ordinal);

        // December's written targets.
        var december = $"/kontrak/{id}/target/2026-12";
        var added = await KinerjaApp.PostFormAsync(kapus, december + "?handler=Add", new()
        {
            ["Line.Activity"] = "Penyuluhan PHBS di sekolah", ["Line.Unit"] = "sekolah", ["Line.Quantity"] = "5",
        }, december);
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Penyuluhan PHBS di sekolah", await kapus.GetStringAsync(december, Ct), StringComparison.Ordinal);

        // November's reports, verified.
        var november = $"/kontrak/{id}/target/2026-11";
        List<int> reported;
        await using (var db = app.Database.Open())
            reported = await db.MonthlyTargets.Where(t => t.ContractId == id && t.Status == TargetStatus.Reported).Select(t => t.Id).ToListAsync(Ct);
        Assert.Equal(4, reported.Count);
        foreach (var target in reported)
        {
            var verified = await KinerjaApp.PostFormAsync(kapus, november + "?handler=Verify", new()
            {
                ["Verify.TargetId"] = target.ToString(), ["Verify.Verified"] = "8", ["Verify.Pns"] = "5",
            }, november);
            Assert.True(verified.StatusCode == HttpStatusCode.Redirect, await verified.Content.ReadAsStringAsync(Ct));
        }
        Assert.Contains("Direkomendasikan untuk diperpanjang", await kapus.GetStringAsync($"/kontrak/{id}", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachRole_SeesOnlyItsOwnContracts(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var moyudan = await ContractIdAsync(app, "Rina Wulandari, S.KM");
        var godean = await ContractIdAsync(app, "Dewi Lestari, A.Md.Kes");

        var dinkes = await app.SignInAsync("dinkes");
        var list = await dinkes.GetStringAsync("/kontrak", Ct);
        Assert.Contains("Rina Wulandari", list, StringComparison.Ordinal);
        Assert.Contains("Tim Kesehatan Jiwa Masyarakat Gamping", list, StringComparison.Ordinal);
        Assert.Contains("Kontrak berakhir dalam 60 hari ke depan", list, StringComparison.Ordinal);

        var kapus = await app.SignInAsync("kapus");
        Assert.DoesNotContain("Dewi Lestari", await kapus.GetStringAsync("/kontrak", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await kapus.GetAsync($"/kontrak/{godean}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kapus.GetAsync($"/kontrak/{godean}/spk.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kapus.GetAsync("/kontrak/umk", Ct)).StatusCode);

        // The worker (Anggota at Moyudan) reaches only their own contract's page and agreement.
        var worker = await app.SignInAsync(DemoSeeder.KontrakWorkerUserName);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.GetAsync($"/kontrak/{moyudan}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/kontrak/{moyudan}/spk.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/kontrak/{godean}/spk.pdf", Ct)).StatusCode);
        Assert.Contains("Penyuluhan PHBS rumah tangga di dusun", await worker.GetStringAsync("/kontrak/saya", Ct), StringComparison.Ordinal);
        Assert.Contains("tidak tercatat sebagai tenaga kontrak", await (await app.SignInAsync("anggota")).GetStringAsync("/kontrak/saya", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync($"/kontrak/{moyudan}/spk.pdf", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Worker_ReportsWithEvidence_CheckedByContent_ServedOnlyToThoseAllowed(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var moyudan = await ContractIdAsync(app, "Rina Wulandari, S.KM");
        int target;
        await using (var db = app.Database.Open())
            target = await db.MonthlyTargets.Where(t => t.ContractId == moyudan && t.Status == TargetStatus.Reported).Select(t => t.Id).FirstAsync(Ct);
        var worker = await app.SignInAsync(DemoSeeder.KontrakWorkerUserName);
        var path = $"/kontrak/saya?kontrak={moyudan}&bulan=2026-11";

        async Task<HttpResponseMessage> Report(byte[] file, string name, string type)
        {
            var token = KinerjaApp.AntiForgeryToken(await worker.GetStringAsync(path, Ct));
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(target.ToString()), "Report.TargetId" },
                { new StringContent("8"), "Report.Quantity" },
            };
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, "Report.Evidence", name);
            return await worker.PostAsync(path, form, Ct);
        }

        // A text file named .png is refused: the first bytes decide, not the name.
        var fake = await Report("bukan gambar"u8.ToArray(), "foto.png", "image/png");
        Assert.Contains("Bukti harus berkas PDF, JPEG atau PNG.", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var tooBig = await Report([.. "%PDF-1.4\n"u8, .. new byte[5 * 1024 * 1024]], "besar.pdf", "application/pdf");
        Assert.Contains("Berkas bukti lebih dari 5 MB.", WebUtility.HtmlDecode(await tooBig.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        Assert.Equal(HttpStatusCode.Redirect, (await Report(png, "daftar-hadir.png", "image/png")).StatusCode);
        await using (var db = app.Database.Open())
        {
            var stored = await db.MonthlyTargets.SingleAsync(t => t.Id == target, Ct);
            Assert.Equal(("daftar-hadir.png", "image/png"), (stored.EvidenceFileName, stored.EvidenceContentType));
            Assert.True(File.Exists(Path.Combine(app.Database.Directory, "uploads", "kontrak", stored.EvidenceStoredName!)));
        }
        var kapus = await app.SignInAsync("kapus");
        Assert.Equal(png, await kapus.GetByteArrayAsync($"/kontrak/bukti/{target}", Ct));
        Assert.Equal(png, await worker.GetByteArrayAsync($"/kontrak/bukti/{target}", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("anggota")).GetAsync($"/kontrak/bukti/{target}", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reports_ShowAlertsBudgetAndPnsComparison_AndExportToExcel(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var dinkes = await app.SignInAsync("dinkes");
        var html = WebUtility.HtmlDecode(await dinkes.GetStringAsync("/kontrak/laporan?tahun=2026", Ct));
        Assert.Contains("Rina Wulandari, S.KM", html, StringComparison.Ordinal);
        Assert.Contains("Rp 36.000.000", html, StringComparison.Ordinal);
        Assert.Contains("Rp 31.800.000", html, StringComparison.Ordinal); // 12 × Rp 2.650.000 at Moyudan
        Assert.Contains("Tenaga kontrak dibandingkan PNS", html, StringComparison.Ordinal);
        var excel = await dinkes.GetAsync("/kontrak/laporan?handler=Excel&tahun=2026", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
        var bytes = await excel.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        var pdf = await dinkes.GetAsync($"/kontrak/{await ContractIdAsync(app, "Rina Wulandari, S.KM")}/spk.pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var text = System.Text.Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync(Ct));
        Assert.StartsWith("%PDF-1.4", text, StringComparison.Ordinal);
        Assert.Contains("SURAT PERJANJIAN KERJA", text, StringComparison.Ordinal);
        Assert.Contains("Rp 2.650.000 \\(dua juta enam ratus lima puluh ribu rupiah\\)", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Recruitment_RanksEligibleAndPreferredFirst(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var dinkes = await app.SignInAsync("dinkes");
        var html = WebUtility.HtmlDecode(await dinkes.GetStringAsync("/kontrak/pelamar", Ct));
        var order = new[] { "Fajar Setiawan", "Lestari Handayani", "Yoga Pratama", "Putri Maharani", "Nurul Hidayah", "Andi Kurniawan" }
            .Select(n => html.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("Pengalaman kerja 8 bulan, kurang dari syarat minimal 12 bulan.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UmkPage_ImportWithBadRow_ShowsRowErrors_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var dinkes = await app.SignInAsync("dinkes");
        var token = KinerjaApp.AntiForgeryToken(await dinkes.GetStringAsync("/kontrak/umk", Ct));
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("provinsi,kabupaten_kota,tahun,umk_rupiah,sumber\nDIY,Kabupaten Sleman,2027,2800000,SK Gubernur\nDIY,Kabupaten Bantul,20x7,2700000,SK\n"u8.ToArray()), "Upload", "umk.csv" },
        };
        var response = await dinkes.PostAsync("/kontrak/umk?handler=Import", form, Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Berkas ditolak, tidak ada yang berubah:", html, StringComparison.Ordinal);
        Assert.Contains("Baris 3, kolom tahun", html, StringComparison.Ordinal);
        await using var db = app.Database.Open();
        Assert.False(await db.UmkRates.AnyAsync(u => u.Year == 2027, Ct));
    }
}
