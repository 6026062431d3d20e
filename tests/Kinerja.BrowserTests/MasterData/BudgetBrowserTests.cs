using Kinerja.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.MasterData;

/// <summary>
/// /remunerasi/anggaran in Chromium. The database is shared with every browser test: the months typed in are 2035's,
/// which nothing else touches; 2026 is only looked at (June to October are closed by the demo's runs for good).
/// </summary>
public class BudgetBrowserTests(BrowserFixture browser)
{
    static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Nothing runs off the side of a phone but inside a scrolling table.</summary>
    static Task<bool> FitsThePhoneAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");

    [Fact]
    public async Task Team_EntersAMonth_SeesTheFieldError_ThenSaves()
    {
        var page = await browser.NewPageAsync("remunerasi");
        await page.GotoAsync("/remunerasi");
        await page.ClickAsync("a.tile[href='/remunerasi/anggaran']");
        await page.WaitForURLAsync("**/remunerasi/anggaran");
        Assert.True(await page.Locator("tr[data-period='2026-10'].closed").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("tr[data-period='2026-10'] input").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "anggaran-2026");

        await page.GotoAsync("/remunerasi/anggaran?tahun=2035");
        await page.FillAsync("input[name='Months[0].PersonnelBudget']", "2.500.000.000");
        await page.FillAsync("input[name='Months[0].Revenue']", "6000000000");
        await page.FillAsync("input[name='Months[1].Revenue']", "6 miliar");
        await page.FillAsync("input[name='Months[1].MaxRatio']", "47,5");
        await page.ClickAsync("form.budget-form button[type=submit]");
        var error = page.Locator("tr[data-period='2035-02'] .field-validation-error");
        Assert.Contains("Pendapatan Februari 2035 harus Rupiah bulat", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("6 miliar", await page.InputValueAsync("input[name='Months[1].Revenue']"));
        await BrowserFixture.ScreenshotAsync(page, "anggaran-galat");

        await page.FillAsync("input[name='Months[1].Revenue']", "6.100.000.000");
        await page.ClickAsync("form.budget-form button[type=submit]");
        await page.WaitForURLAsync("**/remunerasi/anggaran?tahun=2035&disimpan=true");
        Assert.Contains("disimpan", await page.InnerTextAsync("p.notice"), StringComparison.Ordinal);
        Assert.Equal("6.000.000.000", await page.InputValueAsync("input[name='Months[0].Revenue']"));
        Assert.Equal("47,5", await page.InputValueAsync("input[name='Months[1].MaxRatio']"));
        await BrowserFixture.ScreenshotAsync(page, "anggaran-disimpan");
    }

    [Fact]
    public async Task Budget_OnAPhone_ForTheTeamAndTheDirector()
    {
        var team = await browser.NewPageAsync("remunerasi", Phone);
        await team.GotoAsync("/remunerasi/anggaran?tahun=2026");
        Assert.True(await FitsThePhoneAsync(team));
        await BrowserFixture.ScreenshotAsync(team, "anggaran-ponsel");

        var director = await browser.NewPageAsync("direktur");
        await director.GotoAsync("/remunerasi/anggaran?tahun=2026");
        Assert.Equal(0, await director.Locator("main form").CountAsync());
        Assert.Contains("Rp 9.500.000.000", await director.InnerTextAsync("tr[data-period='2026-10']"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(director, "anggaran-direksi");
        await director.GotoAsync("/bahasa/en?kembali=" + Uri.EscapeDataString("/remunerasi/anggaran?tahun=2026"));
        Assert.Equal("Budget and revenue 2026", (await director.InnerTextAsync("h1")).Trim());
        Assert.Contains("October 2026", await director.InnerTextAsync("tr[data-period='2026-10']"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(director, "anggaran-direksi-en");

        var phone = await browser.NewPageAsync("direktur", Phone);
        await phone.GotoAsync("/remunerasi/anggaran?tahun=2026");
        Assert.True(await FitsThePhoneAsync(phone));
        await BrowserFixture.ScreenshotAsync(phone, "anggaran-direksi-ponsel");
    }
}
