using System.Text;
using Kinerja.BrowserTests.Infrastructure;
using Kinerja.Engine.Json;
using Kinerja.Web.Infrastructure;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.Remunerasi;

/// <summary>The acceptance walk of issue 4, as a new user would do it: import the demo month, calculate, verify, approve, pay, and be refused an edit.</summary>
public class RunsWalkTests(BrowserFixture browser)
{
    const string Month = "2026-11";

    static async Task UploadAsync(IPage page, string kind, string fileName, byte[] content)
    {
        await page.GotoAsync("/remunerasi/impor");
        await page.SelectOptionAsync("#jenis", kind);
        await page.FillAsync("#periode", Month);
        await page.SetInputFilesAsync("#berkas", new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
        await page.ClickAsync("form[enctype] button[type=submit]");
        await page.WaitForLoadStateAsync();
    }

    // A run page lists every person (140 in the demo): the top of it is what there is to look at.
    static Task ViewportAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png") });

    [Fact]
    public async Task DemoMonth_CalculateVerifyApprovePay_ThenAnEditOfThePaidMonthIsRefused()
    {
        var team = await browser.NewPageAsync("remunerasi");
        await team.GotoAsync("/remunerasi");
        await BrowserFixture.ScreenshotAsync(team, "remunerasi-beranda");

        // A bad row in the middle of a file: refused with its line number, nothing imported.
        var bad = "id,date,staffId,service,payer,quantity,workingHours\nB1,2026-11-02,D0001,RJ-KONSUL,JKN,1,true\nB2,2026-11-02,D0001,RJ-KONSUL,BPJS,1,true\nB3,2026-11-03,D0002,USG,NON_JKN,1,false\n";
        await UploadAsync(team, "layanan", "salah.csv", Encoding.UTF8.GetBytes(bad));
        var refusal = await team.InnerTextAsync(".errors");
        Assert.Contains("Berkas ditolak", refusal, StringComparison.Ordinal);
        Assert.Contains("3\tpayer", refusal, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(team, "impor-ditolak");

        foreach (var kind in new[] { "layanan", "mutu", "nilai-tambah", "jaga" })
        {
            var file = await team.Context.APIRequest.GetAsync($"/remunerasi/impor?handler=Demo&jenis={kind}");
            await UploadAsync(team, kind, $"demo-{kind}-{Month}.csv", await file.BodyAsync());
            Assert.Contains("diterima", await team.InnerTextAsync(".notice"), StringComparison.Ordinal);
        }

        await BrowserFixture.ScreenshotAsync(team, "impor-diterima");

        await team.GotoAsync("/remunerasi/perhitungan");
        await team.FillAsync("#periode", Month);
        await team.ClickAsync("form.form button[type=submit]");
        await team.WaitForURLAsync("**/remunerasi/perhitungan/*");
        var runUrl = new Uri(team.Url).AbsolutePath;
        Assert.Contains("disimpan sebagai draf", await team.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.Equal(0, await team.Locator("button", new() { HasText = "Verifikasi" }).CountAsync());
        await ViewportAsync(team, "perhitungan-draf");

        var verifier = await browser.NewPageAsync("verifikator");
        await verifier.GotoAsync(runUrl);
        await verifier.ClickAsync("button:has-text('Verifikasi')");
        Assert.Contains("diverifikasi", await verifier.InnerTextAsync(".notice"), StringComparison.Ordinal);

        var director = await browser.NewPageAsync("direktur");
        await director.GotoAsync(runUrl);
        await director.ClickAsync("button:has-text('Setujui')");
        Assert.Contains("disetujui", await director.InnerTextAsync(".notice"), StringComparison.Ordinal);
        await ViewportAsync(director, "perhitungan-disetujui");

        await team.GotoAsync(runUrl);
        await team.ClickAsync("button:has-text('Tandai dibayar')");
        Assert.Contains("ditutup", await team.InnerTextAsync(".notice"), StringComparison.Ordinal);
        await ViewportAsync(team, "perhitungan-dibayar");

        // The amounts on the page are those of the engine on the run's own inputs (what `kinerja calculate` prints).
        var caseJson = await (await team.Context.APIRequest.GetAsync($"{runUrl}?handler=Kasus")).BodyAsync();
        var read = CaseJson.Read(new MemoryStream(caseJson));
        Assert.True(read.IsValid);
        var result = read.Document!.Calculate();
        Assert.Contains(Format.Rupiah(result.Totals.Total), await team.InnerTextAsync(".run-summary .big"), StringComparison.Ordinal);
        var firstRow = await team.InnerTextAsync("table.results tbody tr:first-child");
        Assert.Contains(Format.Rupiah(result.Staff[0].Total), firstRow, StringComparison.Ordinal);

        // Editing the paid month: a corrected service line for it is refused, and nothing changes.
        await UploadAsync(team, "layanan", "koreksi.csv",
            Encoding.UTF8.GetBytes("id,date,staffId,service,payer,quantity,workingHours\nL202611000001,2026-11-02,D0001,OPERASI-BESAR,NON_JKN,9,true\n"));
        Assert.Contains("sudah dibayar", await team.InnerTextAsync("main"), StringComparison.Ordinal);
        await ViewportAsync(team, "perhitungan-ditolak");

        var dewas = await browser.NewPageAsync("dewas");
        await dewas.GotoAsync("/remunerasi/audit?entitas=CalculationRun");
        Assert.True(await dewas.Locator("table.audit tbody tr").CountAsync() >= 4);
        await BrowserFixture.ScreenshotAsync(dewas, "audit-dewas");

        var phone = await browser.NewPageAsync("direktur", new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync(runUrl);
        await ViewportAsync(phone, "perhitungan-ponsel");
    }
}
