using Kinerja.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.Community;

/// <summary>Masyarakat Praktisi in a real browser: reading, registering, commenting, moderating.</summary>
public class KomunitasTests(BrowserFixture browser)
{
    static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Registers through the form as a person would; the page's script solves the proof of work.</summary>
    async Task<IPage> RegisterAsync(string name, string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/komunitas/daftar");
        await page.FillAsync("#Input_FullName", name);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Organisation", "Puskesmas Godean I");
        await page.CheckAsync("input[name='Input.Category'][value='Pemerintah']");
        await page.CheckAsync("#Input_EmailAlerts");
        await page.FillAsync("#Input_Password", "Rahasia#2026");
        await page.FillAsync("#Input_Confirm", "Rahasia#2026");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync("**/komunitas/akun", new() { Timeout = 30_000 });
        return page;
    }

    [Fact]
    public async Task Reader_SeesTheFrontPageArchiveAnd2016Period_WithoutSigningIn()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/komunitas");
        Assert.Contains("Forum Masyarakat Praktisi", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.True(await page.Locator("a", new() { HasText = "Arsip Diskusi III (26 Oktober - 29 November 2015)" }).IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "komunitas-beranda");

        await page.ClickAsync("text=Diskusi Tahun 2016 Tahap I");
        await page.WaitForURLAsync("**/komunitas/diskusi/5");
        var main = await page.InnerTextAsync("main");
        Assert.Contains("Selamat berdiskusi.", main, StringComparison.Ordinal);
        Assert.Contains("2016-04-07 03:18", main, StringComparison.Ordinal);
        Assert.Contains("2016-04-09 00:43", main, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "komunitas-diskusi-2016");

        await page.GotoAsync("/komunitas/arsip");
        await BrowserFixture.ScreenshotAsync(page, "komunitas-arsip");
        await page.GotoAsync("/komunitas/cari?q=promkes");
        Assert.True(await page.Locator("#hasil-komentar").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "komunitas-cari");
        await page.ClickAsync("nav.kom-nav >> text=Hasil kontrak");
        Assert.Contains("Dinas Kesehatan Kabupaten Sleman", await page.InnerTextAsync("section.hasil-region h2"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "komunitas-hasil-kontrak");

        var phone = await browser.NewPageAsync(viewport: new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync("/komunitas/diskusi/5");
        await BrowserFixture.ScreenshotAsync(phone, "komunitas-diskusi-ponsel");
    }

    [Fact]
    public async Task Registration_WithTheProofOfWorkScript_SignsTheMemberIn_WithConsentRecorded()
    {
        var id = Unique();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/komunitas/daftar");
        await BrowserFixture.ScreenshotAsync(page, "komunitas-daftar");

        page = await RegisterAsync($"Anggota Baru {id}", $"baru-{id}@contoh.id");
        Assert.Contains("Selamat bergabung", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(await page.Locator(".kom-consents .badge.good", new() { HasText = "Setuju" }).IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "komunitas-akun");
    }

    [Fact]
    public async Task NewMembersComment_WaitsForTheModerator_WhoApprovesIt()
    {
        var id = Unique();
        var number = Random.Shared.Next(100, 10_000);

        // The moderator opens a period running from today.
        var moderator = await browser.NewPageAsync("moderator");
        await moderator.GotoAsync("/komunitas/admin/periode");
        await moderator.FillAsync("#Input_Number", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await moderator.FillAsync("#Input_Title", $"Diskusi Uji {id}");
        await moderator.FillAsync("#Input_Theme", "Kontrak tenaga promkes setelah satu tahun");
        await moderator.FillAsync("#Input_Introduction", "Silakan berbagi pengalaman **kontrak** di puskesmas Anda.");
        await BrowserFixture.ScreenshotAsync(moderator, "komunitas-periode-baru");
        await moderator.ClickAsync("form.form button[type=submit]");
        await moderator.WaitForURLAsync($"**/komunitas/diskusi/{number}");

        // A new member comments; it waits for approval.
        var member = await RegisterAsync($"Penulis {id}", $"penulis-{id}@contoh.id");
        await member.GotoAsync($"/komunitas/diskusi/{number}");
        await member.FillAsync("#Input_Body", $"Pengalaman kami {id}: <script>alert(1)</script> target bulanan **tertulis**.");
        await member.ClickAsync("form[data-guard] button[type=submit]");
        await member.WaitForURLAsync($"**/komunitas/diskusi/{number}**", new() { Timeout = 30_000 });
        Assert.Contains("menunggu persetujuan moderator", await member.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.True(await member.Locator(".kom-comment.pending").IsVisibleAsync());
        Assert.Equal(0, await member.Locator(".kom-body script").CountAsync());
        await BrowserFixture.ScreenshotAsync(member, "komunitas-komentar-menunggu");

        // The moderator approves it from the queue.
        await moderator.GotoAsync("/komunitas/moderasi");
        var card = moderator.Locator(".kom-queue", new() { HasText = $"Pengalaman kami {id}" });
        await BrowserFixture.ScreenshotAsync(moderator, "komunitas-moderasi");
        await card.Locator("button", new() { HasText = "Setujui" }).ClickAsync();
        await moderator.WaitForURLAsync("**/komunitas/moderasi");
        Assert.Contains("disetujui", await moderator.InnerTextAsync(".notice"), StringComparison.Ordinal);

        // Anyone now reads it, with the typed HTML shown as text.
        var reader = await browser.NewPageAsync();
        await reader.GotoAsync($"/komunitas/diskusi/{number}");
        var comment = reader.Locator(".kom-comment", new() { HasText = $"Pengalaman kami {id}" });
        Assert.Contains("<script>alert(1)</script>", await comment.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("tertulis", await comment.Locator("strong").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(reader, "komunitas-komentar-tayang");

        // The member replies under the moderator's... own comment thread: reply link works without script too.
        await member.GotoAsync($"/komunitas/diskusi/{number}");
        await member.Locator($".kom-comment:has-text('Pengalaman kami {id}') >> text=Balas").First.ClickAsync();
        Assert.Contains("Balas komentar", await member.InnerTextAsync("#tulis-judul"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_SeesLibraryAndAdminPages()
    {
        var admin = await browser.NewPageAsync("admin");
        await admin.GotoAsync("/komunitas/admin");
        await BrowserFixture.ScreenshotAsync(admin, "komunitas-admin");
        await admin.GotoAsync("/komunitas/admin/kotak-keluar");
        Assert.Contains("Kotak keluar", await admin.InnerTextAsync("h1"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(admin, "komunitas-kotak-keluar");
        await admin.GotoAsync("/komunitas/perpustakaan/tambah");
        await BrowserFixture.ScreenshotAsync(admin, "komunitas-perpustakaan-tambah");
        await admin.GotoAsync("/komunitas/perpustakaan");
        await BrowserFixture.ScreenshotAsync(admin, "komunitas-perpustakaan");
    }
}
