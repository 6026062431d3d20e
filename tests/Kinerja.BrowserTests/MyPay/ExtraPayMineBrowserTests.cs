using Kinerja.BrowserTests.Infrastructure;
using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.MyPay;

/// <summary>
/// "Pendapatan tambahan" on /remunerasi/saya in Chromium: a paid gaji ke-13 and a non-cash item of the employee's own.
/// The database is shared: the employee is an account of this test's own, and the runs it adds are final (nothing
/// else changes them).
/// </summary>
public class ExtraPayMineBrowserTests(BrowserFixture browser)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string StaffCode = "D0004";

    async Task<string> EmployeeAsync()
    {
        var userName = $"tambahan-{Guid.NewGuid():N}"[..24];
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDb>();
        var hospital = await db.Institutions.IgnoreQueryFilters().SingleAsync(i => i.Code == "RSUP-CONTOH", Ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName, Email = $"{userName}@contoh.test", EmailConfirmed = true, FullName = $"Uji {StaffCode}",
            InstitutionId = hospital.Id, StaffCode = StaffCode,
        };
        Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Pegawai)).Succeeded);
        return userName;
    }

    /// <summary>Calculated (and items recorded) by remunerasi, verified by verifikator, approved by direktur, paid when asked.</summary>
    async Task<int> FinalRunAsync(ExtraPayRequest request, bool pay, params (string Description, decimal Value)[] items)
    {
        var database = browser.App.Database;
        int id;
        await using (var db = database.Open(new SystemActor("remunerasi")))
        {
            var hospital = await db.Institutions.Where(i => i.Code == "RSUP-CONTOH").Select(i => i.Id).SingleAsync(Ct);
            var outcome = await ExtraPayService.CalculateAsync(db, hospital, request, Ct);
            Assert.True(outcome.Ok, string.Join("; ", outcome.Problems.Select(p => p.Message)));
            id = outcome.Run!.Id;
            foreach (var (description, value) in items)
                Assert.Null(await ExtraPayService.AddNonCashAsync(db, id, StaffCode, description, value, Ct));
        }

        await using (var db = database.Open(new SystemActor("verifikator")))
            Assert.Null(await ExtraPayService.VerifyAsync(db, id, Ct));
        await using (var db = database.Open(new SystemActor("direktur")))
            Assert.Null(await ExtraPayService.ApproveAsync(db, id, Ct));
        if (pay)
        {
            await using var db = database.Open(new SystemActor("remunerasi"));
            Assert.Null(await ExtraPayService.MarkPaidAsync(db, id, Ct));
        }

        return id;
    }

    [Fact]
    public async Task Employee_SeesTheirExtraPay_OnDesktopAndPhone_AndDownloadsItsSlip()
    {
        var gaji13 = await FinalRunAsync(new ExtraPayRequest(ExtraPayKind.Gaji13, 2026, "Gaji ke-13 tahun 2026"), pay: true);
        var training = await FinalRunAsync(new ExtraPayRequest(ExtraPayKind.NonTunai, 2026, "Pengembangan kompetensi 2026"), pay: false,
            ("Pelatihan ATLS, Jakarta, 3 hari", 7_500_000m));
        var employee = await EmployeeAsync();

        var page = await browser.NewPageAsync(employee);
        await page.GotoAsync("/remunerasi/saya?periode=2026-10");
        var section = page.Locator("section.pay-extra");
        Assert.True(await section.IsVisibleAsync());
        Assert.Contains("Sudah dibayar", await section.Locator($"tr[data-run='{gaji13}']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Dicatat, tidak dibayar", await section.Locator($"tr[data-run='{training}']").InnerTextAsync(), StringComparison.Ordinal);
        await section.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "gaji-tambahan");

        var download = await page.RunAndWaitForDownloadAsync(() => section.Locator($"tr[data-run='{gaji13}'] a").ClickAsync());
        Assert.Equal($"slip-tambahan-{gaji13}-{StaffCode}.pdf", download.SuggestedFilename);
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, "gaji-tambahan-slip.pdf");
        await download.SaveAsAsync(path);
        var text = await Kinerja.IntegrationTests.Infrastructure.PdfText.OfAsync(await File.ReadAllBytesAsync(path, Ct), Ct);
        Assert.Contains("Slip pendapatan tambahan: Gaji ke-13 tahun 2026", text, StringComparison.Ordinal);

        var phone = await browser.NewPageAsync(employee, new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync("/remunerasi/saya?periode=2026-10");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await BrowserFixture.ScreenshotAsync(phone, "gaji-tambahan-ponsel");
    }
}
