using Kinerja.BrowserTests.Infrastructure;
using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.MyPay;

public class MyPayBrowserTests(BrowserFixture browser)
{
    static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A Pegawai account of its own (unique name) linked to a demo staff member.</summary>
    async Task<string> EmployeeAsync(string staffCode)
    {
        var userName = $"gaji-{staffCode.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDb>();
        var hospital = await db.Institutions.IgnoreQueryFilters().SingleAsync(i => i.Code == "RSUP-CONTOH");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName, Email = $"{userName}@contoh.test", EmailConfirmed = true, FullName = $"Uji {staffCode}",
            InstitutionId = hospital.Id, StaffCode = staffCode,
        };
        Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Pegawai)).Succeeded);
        return userName;
    }

    [Fact]
    public async Task Doctor_OpensTheSlip_FollowsWhyThisAmountToTheServiceLines_AndDownloadsThePdf()
    {
        // October by name: another test may approve a later month in the same database.
        var page = await browser.NewPageAsync("dokter");
        await page.GotoAsync("/remunerasi/saya?periode=2026-10");
        Assert.Contains("Slip Oktober 2026", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var total = await page.InnerTextAsync(".pay-slip tr.pay-total td");
        Assert.Equal(5, await page.Locator(".pay-chart rect.total").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "gaji-slip-dokter");

        await page.ClickAsync("text=Mengapa sebesar ini?");
        await page.WaitForURLAsync("**/remunerasi/saya/2026-10/rincian");
        Assert.True(await page.Locator(".pay-steps li").CountAsync() >= 7);
        Assert.Equal(total, (await page.InnerTextAsync(".pay-sum strong")).Trim());
        Assert.EndsWith($"= {total}.", (await page.Locator(".pay-steps li p").Last.InnerTextAsync()).Replace('\u00a0', ' ').Trim(), StringComparison.Ordinal);
        await page.ClickAsync(".pay-steps a[href='#layanan']");
        Assert.Equal(50, await page.Locator("table.pay-lines tbody tr").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "gaji-rincian-dokter");
        await page.ClickAsync(".pay-pages a[rel=next]");
        await page.WaitForURLAsync("**/rincian?hal=2#baris");
        Assert.Contains("Halaman 2 dari", await page.InnerTextAsync(".pay-pages"), StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Unduh slip (PDF)"));
        Assert.Equal("slip-2026-10-D0001.pdf", download.SuggestedFilename);
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, "gaji-slip-dokter.pdf");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    [Fact]
    public async Task Slip_AndExplanation_OnAPhone()
    {
        var page = await browser.NewPageAsync("dokter", Phone);
        await page.GotoAsync("/remunerasi/saya");
        Assert.True(await page.Locator(".pay-slip tr.pay-total").IsVisibleAsync());
        // Nothing runs off the side of a phone but inside a scrolling table.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await BrowserFixture.ScreenshotAsync(page, "gaji-slip-dokter-ponsel");
        await page.GotoAsync("/remunerasi/saya/2026-10/rincian");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await BrowserFixture.ScreenshotAsync(page, "gaji-rincian-dokter-ponsel");
    }

    [Fact]
    public async Task Nurse_SeesPointsTimesPerformance_AndEarlierMonths()
    {
        var page = await browser.NewPageAsync("perawat");
        await page.GotoAsync("/remunerasi/saya");
        await page.SelectOptionAsync("#periode", "2026-09");
        await page.ClickAsync("form.pay-period button");
        await page.WaitForURLAsync("**/remunerasi/saya?periode=2026-09");
        Assert.Contains("Slip September 2026", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Sudah dibayar", await page.InnerTextAsync(".pay-slip h2"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "gaji-slip-perawat");
        await page.ClickAsync("text=Mengapa sebesar ini?");
        await page.WaitForURLAsync("**/2026-09/rincian");
        Assert.Contains("Poin jabatan Anda", await page.InnerTextAsync(".pay-steps"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "gaji-rincian-perawat");
    }

    [Fact]
    public async Task AboveTheRange_Perikatan_AndTheKmkCeiling_AreExplained_InEnglishToo()
    {
        var doctor = await browser.NewPageAsync(await EmployeeAsync("D0011"));
        await doctor.GotoAsync("/remunerasi/saya/2026-10/rincian");
        Assert.Contains("dibayar sebagai perikatan", await doctor.InnerTextAsync(".pay-steps"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(doctor, "gaji-rincian-perikatan");

        var nurse = await browser.NewPageAsync(await EmployeeAsync("P0055"));
        await nurse.GotoAsync("/remunerasi/saya/2026-10/rincian");
        Assert.Contains("insentif dipotong", await nurse.InnerTextAsync(".pay-steps"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(nurse, "gaji-rincian-batas-kmk");

        await nurse.GotoAsync("/bahasa/en?kembali=/remunerasi/saya/2026-10/rincian");
        var steps = await nurse.InnerTextAsync(".pay-steps");
        Assert.Contains("the incentive is cut by", steps, StringComparison.Ordinal);
        Assert.Contains("What you receive", steps, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(nurse, "gaji-rincian-batas-kmk-en");
    }

    [Fact]
    public async Task Team_FindsTheRunsSlipsAndExcel()
    {
        int runId;
        await using (var db = browser.App.Database.Open())
            runId = (await db.CalculationRuns.Where(r => r.Period == "2026-10" && r.Status == RunStatus.Approved).FirstAsync(TestContext.Current.CancellationToken)).Id;
        var page = await browser.NewPageAsync("remunerasi");
        await page.GotoAsync($"/remunerasi/perhitungan/{runId}/unduhan?cari=Andi");
        Assert.True(await page.Locator($"a[href='/remunerasi/perhitungan/{runId}/slip/D0001.pdf']").IsVisibleAsync());
        Assert.True(await page.Locator($"a[href='/remunerasi/perhitungan/{runId}/excel']").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "gaji-unduhan-tim");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("td a[href*='slip-unit.pdf'] >> nth=0"));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await download.SaveAsAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "gaji-slip-unit.pdf"));
    }
}
