using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Kinerja.BrowserTests.Infrastructure.BrowserFixture))]

namespace Kinerja.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a real port, SQLite, demo data) and Debian's Chromium, shared by every
/// browser test. Without /usr/bin/chromium the tests are skipped, or fail when KINERJA_REQUIRE_BROWSER=1 (CI).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    const string Chromium = "/usr/bin/chromium";

    KinerjaApp? app;
    IPlaywright? playwright;
    IBrowser? browser;

    public string BaseUrl { get; private set; } = "";

    public KinerjaApp App => app ?? throw new InvalidOperationException("Not started.");

    /// <summary>Screenshots land here so people can look at them (tests/Kinerja.BrowserTests/bin/.../screenshots).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
            return;
        app = new KinerjaApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        app.UseKestrel(0);
        app.StartServer();
        BaseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (own cookies), optionally signed in through the login form.</summary>
    public async Task<IPage> NewPageAsync(string? signedInAs = null, ViewportSize? viewport = null)
    {
        if (browser is null)
        {
            if (Environment.GetEnvironmentVariable("KINERJA_REQUIRE_BROWSER") == "1")
                Assert.Fail($"{Chromium} is missing, but KINERJA_REQUIRE_BROWSER=1 requires the browser tests to run.");
            Assert.Skip($"Chromium tidak ada / not installed at {Chromium}: browser tests skipped.");
        }
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "id-ID",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        // CI runs the integration tests beside these on two cores: give a slow page time rather than a flaky failure.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        if (signedInAs is not null)
        {
            await page.GotoAsync("/akun/masuk");
            await page.FillAsync("#Input_UserName", signedInAs);
            await page.FillAsync("#Input_Password", DemoSeeder.DemoPassword);
            await page.ClickAsync("form.form button[type=submit]");
            await page.WaitForURLAsync("**/beranda");
        }
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null)
            await app.DisposeAsync();
    }
}
