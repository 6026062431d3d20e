using Kinerja.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.Foundation;

public class ShellTests(BrowserFixture browser)
{
    [Fact]
    public async Task HomePage_ShowsTheThreeParts()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal(3, await page.Locator(".card h2").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task LoginPage_ListsDemoAccounts_AndDirekturReachesHome()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/akun/masuk");
        Assert.True(await page.Locator(".demo td code", new() { HasText = "direktur" }).IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "login");

        await page.FillAsync("#Input_UserName", "direktur");
        await page.FillAsync("#Input_Password", Kinerja.Data.Demo.DemoSeeder.DemoPassword);
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync("**/beranda");
        Assert.Contains("Direksi", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "beranda-direksi");
    }

    [Fact]
    public async Task Phone_Layout_ShowsMenuAndLogin()
    {
        var page = await browser.NewPageAsync("dokter", new ViewportSize { Width = 390, Height = 844 });
        Assert.True(await page.Locator("nav.menu a[href='/remunerasi/saya']").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "beranda-dokter-ponsel");
    }
}
