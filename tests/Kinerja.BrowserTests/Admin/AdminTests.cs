using Kinerja.BrowserTests.Infrastructure;
using Kinerja.Data.Demo;
using Kinerja.Data.Remunerasi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.Admin;

/// <summary>
/// The administration pages in Chromium. The database is shared with every browser test: this one makes its own staff
/// member (employed from 2035, so no 2026 calculation sees them) and an account with a unique name.
/// </summary>
public class AdminTests(BrowserFixture browser)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Admin_CreatesAPegawaiThroughTheForm_WhoThenSignsIn()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var userName = "uji." + suffix;
        var staffCode = "PA" + suffix.ToUpperInvariant();
        await using (var db = browser.App.Database.Open())
        {
            var hospital = await db.Institutions.SingleAsync(i => i.Code == "RSUP-CONTOH", Ct);
            db.Staff.Add(new Staff
            {
                InstitutionId = hospital.Id, Code = staffCode, Name = $"Uji Admin {suffix}", Category = "ADMINISTRASI", Ordinal = 9500,
                StartDate = new DateOnly(2035, 1, 1),
            });
            await db.SaveChangesAsync(Ct);
        }

        var page = await browser.NewPageAsync("admin");
        await page.ClickAsync("nav.menu a:has-text('Administrasi')");
        await page.WaitForURLAsync("**/admin/pengguna");
        await BrowserFixture.ScreenshotAsync(page, "admin-pengguna-daftar");
        await page.ClickAsync("text=Tambah pengguna");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_FullName", $"Uji Admin {suffix}");
        await page.FillAsync("#Input_Email", $"{userName}@uji.kinerja.id");
        await page.SelectOptionAsync("#Input_Institution", "RSUP-CONTOH");
        await page.CheckAsync("input[name='Input.Roles'][value='Pegawai']");
        await page.FillAsync("#Input_Password", "pendek");
        await page.ClickAsync("form.admin-form button[type=submit]");

        var error = await page.InnerTextAsync("[data-valmsg-for='Input.StaffCode']");
        Assert.Contains("Kode pegawai wajib diisi untuk peran Pegawai", error, StringComparison.Ordinal);
        Assert.Contains("Kata sandi terlalu pendek", await page.InnerTextAsync("[data-valmsg-for='Input.Password']"), StringComparison.Ordinal);
        Assert.True(await page.IsCheckedAsync("input[name='Input.Roles'][value='Pegawai']"));
        await BrowserFixture.ScreenshotAsync(page, "admin-pengguna-galat");

        await page.FillAsync("#Input_StaffCode", staffCode);
        await page.FillAsync("#Input_Password", DemoSeeder.DemoPassword);
        await page.ClickAsync("form.admin-form button[type=submit]");
        await page.WaitForSelectorAsync(".notice");
        Assert.Contains($"Akun {userName} dibuat.", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.Equal(staffCode, await page.InputValueAsync("#Input_StaffCode"));
        await BrowserFixture.ScreenshotAsync(page, "admin-pengguna-ubah");

        var pegawai = await browser.NewPageAsync(userName);
        Assert.Contains("Pegawai · RSUP Contoh", await pegawai.InnerTextAsync("main"), StringComparison.Ordinal);

        var phone = await browser.NewPageAsync("admin", Phone);
        await phone.GotoAsync($"/admin/pengguna?q={userName}");
        Assert.Equal(1, await phone.Locator("table.admin-table tbody tr").CountAsync());
        await BrowserFixture.ScreenshotAsync(phone, "admin-pengguna-ponsel");
        await phone.ClickAsync($"text=Uji Admin {suffix}");
        await phone.WaitForSelectorAsync("form.admin-form");
        await BrowserFixture.ScreenshotAsync(phone, "admin-pengguna-form-ponsel");
    }

    [Fact]
    public async Task Institutions_ListAndForm_RenderOnTheDesktopAndAPhone()
    {
        var page = await browser.NewPageAsync("admin");
        await page.GotoAsync("/admin/institusi");
        Assert.Contains("PKM-MOYUDAN", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "admin-institusi-daftar");
        await page.ClickAsync("text=Tambah institusi");
        await page.SelectOptionAsync("#Input_Kind", "RumahSakit");
        await page.FillAsync("#Input_Name", "RS Tanpa Kode");
        await page.ClickAsync("form.admin-form button[type=submit]");
        Assert.Contains("Kode wajib diisi.", await page.InnerTextAsync("[data-valmsg-for='Input.Code']"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "admin-institusi-galat");

        var phone = await browser.NewPageAsync("admin", Phone);
        await phone.GotoAsync("/admin/institusi");
        await BrowserFixture.ScreenshotAsync(phone, "admin-institusi-ponsel");
        await phone.ClickAsync("text=Puskesmas Moyudan");
        Assert.Equal("DINKES-SLEMAN", await phone.InputValueAsync("#Input_Parent"));
        await BrowserFixture.ScreenshotAsync(phone, "admin-institusi-form-ponsel");
    }
}
