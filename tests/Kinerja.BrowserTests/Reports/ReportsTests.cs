using Kinerja.BrowserTests.Infrastructure;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.Reports;

public class ReportsTests(BrowserFixture browser)
{
    /// <summary>An approved October 2026 (the demo month) in the shared app: made here if no test made it yet.</summary>
    async Task ApprovedOctoberAsync()
    {
        await using var db = browser.App.Database.Open(new SystemActor("remunerasi"));
        var hospital = await db.Institutions.Where(i => i.Code == "RSUP-CONTOH").Select(i => i.Id).SingleAsync();
        var outcome = await RunService.CalculateAsync(db, hospital, Period.Month(2026, 10));
        var run = outcome.Run!;
        if (run.IsFinal)
            return;
        if (run.Status == RunStatus.Draft)
        {
            var verifier = string.Equals(run.CalculatedBy, "verifikator", StringComparison.OrdinalIgnoreCase) ? "remunerasi" : "verifikator";
            await using var v = browser.App.Database.Open(new SystemActor(verifier));
            Assert.Null(await RunService.VerifyAsync(v, run.Id));
        }

        await using var d = browser.App.Database.Open(new SystemActor("direktur"));
        Assert.Null(await RunService.ApproveAsync(d, run.Id));
    }

    [Fact]
    public async Task Director_RaisesOneRateByTenPercent_AndReadsTheEffectOnEveryone()
    {
        await ApprovedOctoberAsync();
        var page = await browser.NewPageAsync("direktur");
        await page.GotoAsync("/remunerasi/simulasi?periode=2026-10");
        await BrowserFixture.ScreenshotAsync(page, "simulasi-form");
        await page.SelectOptionAsync("#layanan", "USG");
        await page.SelectOptionAsync("#penjamin", "JKN");
        await page.FillAsync("#persen", "10");
        await page.ClickAsync("form.sim-form button[type=submit]");
        await page.WaitForSelectorAsync("#hasil");

        var changed = int.Parse(await page.InnerTextAsync("#jumlah-berubah"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(changed > 0);
        Assert.Equal(changed, await page.Locator("table.sim-rows tbody tr").CountAsync());
        Assert.All(await page.Locator("table.sim-rows td.diff").AllInnerTextsAsync(), d => Assert.StartsWith("+", d, StringComparison.Ordinal));
        await BrowserFixture.ScreenshotAsync(page, "simulasi-hasil");

        await page.ClickAsync("text=semua pegawai");
        await page.WaitForURLAsync("**semua=true**");
        Assert.True(await page.Locator("table.sim-rows tbody tr").CountAsync() > changed);

        // Saved as a draft rule set: the draft page lists the one changed rate against the version it came from.
        await page.ClickAsync("details.sim-save summary");
        await page.FillAsync("#BerlakuMulai", "2027-01");
        await page.FillAsync("#Catatan", "Usulan kenaikan tarif USG JKN");
        await page.Locator("details.sim-save").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "simulasi-simpan.png") });
        await page.ClickAsync("details.sim-save button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/remunerasi/aturan/\\d+$"));
        var draft = await page.InnerTextAsync("main");
        Assert.Contains("Dari simulasi periode 2026-10. Usulan kenaikan tarif USG JKN", draft, StringComparison.Ordinal);
        Assert.Contains("44.000", draft, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "simulasi-draf-aturan");

        var phone = await browser.NewPageAsync("direktur", new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync("/remunerasi/simulasi?periode=2026-10&layanan=*&persen=10&hitung=true");
        await BrowserFixture.ScreenshotAsync(phone, "simulasi-ponsel");
    }

    [Fact]
    public async Task DewanPengawas_ReadsTheQuarterlyAndOversightReports_WithNothingToChange()
    {
        await ApprovedOctoberAsync();
        var page = await browser.NewPageAsync("dewas");
        foreach (var (path, name) in new[]
        {
            ("/remunerasi/laporan/triwulan?tahun=2026&triwulan=4", "laporan-triwulan"),
            ("/remunerasi/laporan/dewas?tahun=2026", "laporan-dewas"),
            ("/remunerasi/monitoring?tahun=2026", "monitoring"),
            ("/remunerasi/tambahan", "tambahan-dewas"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.Equal(0, await page.Locator("main form[method=post]").CountAsync());
            await BrowserFixture.ScreenshotAsync(page, name);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + "-atas.png") });
        }

        await page.GotoAsync("/remunerasi/monitoring?tahun=2026");
        await page.Locator("div.chart-box").First.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "monitoring-grafik.png") });
        await page.Locator("div.report-columns").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "monitoring-batas.png") });

        await page.GotoAsync("/remunerasi/laporan/dewas?tahun=2026");
        Assert.Contains("tidak dapat mengubah", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(await page.Locator("table.runs-audit td", new() { HasText = "verifikator" }).CountAsync() > 0);

        var phone = await browser.NewPageAsync("direktur", new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync("/remunerasi/monitoring?tahun=2026");
        await BrowserFixture.ScreenshotAsync(phone, "monitoring-ponsel");
    }

    [Fact]
    public async Task Team_CalculatesGajiKe13_AndTheDirectorSetsTheThrCeiling()
    {
        var team = await browser.NewPageAsync("remunerasi");
        await team.GotoAsync("/remunerasi/tambahan");
        await team.SelectOptionAsync("#jenis", "Gaji13");
        var title = $"Gaji ke-13 uji {Guid.NewGuid():N}"[..24];
        await team.FillAsync("#judul", title);
        await team.FillAsync("#kelipatan", "1");
        await BrowserFixture.ScreenshotAsync(team, "tambahan-form");
        await team.ClickAsync("form.extra-form button[type=submit]");
        await team.WaitForURLAsync("**/remunerasi/tambahan/*");
        Assert.Contains(title, await team.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(140, await team.Locator("table.extra-lines tbody tr").CountAsync());
        await BrowserFixture.ScreenshotAsync(team, "tambahan-detail");

        var director = await browser.NewPageAsync("direktur");
        await director.GotoAsync("/remunerasi/tambahan/batas");
        await director.FillAsync("#batas", "20.000.000");
        await director.FillAsync("#dasar", "KMK remunerasi klaster B");
        await director.ClickAsync("main form button[type=submit]");
        await director.WaitForSelectorAsync("p.notice");
        await BrowserFixture.ScreenshotAsync(director, "tambahan-batas");
    }
}
