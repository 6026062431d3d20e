using Kinerja.BrowserTests.Infrastructure;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.Kontrak;

/// <summary>The acceptance walk of issue 6 in a real browser: the Dinas drafts and activates, the Kepala Puskesmas sets targets and verifies.</summary>
public class KontrakPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Dinas_DraftBelowUmk_SeesRefusal_FixesIt_AndActivates()
    {
        var page = await browser.NewPageAsync("dinkes");
        await page.GotoAsync("/kontrak");
        await BrowserFixture.ScreenshotAsync(page, "kontrak-daftar-dinkes");
        await page.ClickAsync("nav.kontrak-nav >> text=Kontrak baru");

        var name = "Browser Uji " + Guid.NewGuid().ToString("N")[..6] + ", S.KM";
        await page.SelectOptionAsync("#Input_PuskesmasId", new SelectOptionValue { Label = "Puskesmas Depok I" });
        await page.FillAsync("#Input_ContractorName", name);
        await page.SelectOptionAsync("#Input_Education", "S1");
        await page.CheckAsync("#Input_HealthEducation");
        await page.FillAsync("#Input_Major", "Kesehatan Masyarakat");
        await page.FillAsync("#Input_Specialisation", "Promosi Kesehatan");
        await page.FillAsync("#Input_ExperienceMonths", "20");
        await page.FillAsync("#Input_BudgetLine", "BOK Puskesmas 2026: honor tenaga kontrak promosi kesehatan");
        await page.FillAsync("#Input_SkNumber", "188/0201/KPTS/DINKES/2026");
        await page.FillAsync("#Input_SkDate", "2026-11-25");
        await page.FillAsync("#Input_Start", "2026-12-01");
        await page.FillAsync("#Input_End", "2026-12-31");
        await page.FillAsync("#Input_MonthlyHonorarium", "2400000");
        await BrowserFixture.ScreenshotAsync(page, "kontrak-formulir");
        await page.ClickAsync("form.kontrak-form button[type=submit]");
        await page.WaitForURLAsync("**/kontrak/*?disimpan=1");

        Assert.True(await page.Locator("li.rule.bad[data-code=HONOR_UMK]").IsVisibleAsync());
        // Drafted directly, not from an applicant: Sleman's required criterion is left for the Dinas to confirm.
        Assert.True(await page.Locator("li.rule.warn[data-code=KRITERIA_DINAS_KONFIRMASI]").IsVisibleAsync());
        await page.ClickAsync("button[name=aktifkan]");
        var refusal = page.Locator(".refused");
        Assert.Contains("Rp 2.624.387", await refusal.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "kontrak-ditolak-umk");

        await page.ClickAsync("text=Ubah draf");
        await page.FillAsync("#Input_MonthlyHonorarium", "2650000");
        await page.ClickAsync("form.kontrak-form button[type=submit]");
        await page.WaitForURLAsync("**/kontrak/*?disimpan=1");
        Assert.Equal(0, await page.Locator("#aturan li.rule.bad").CountAsync());
        await page.ClickAsync("button[name=aktifkan]");
        await page.WaitForSelectorAsync("p.notice[role=status]");
        Assert.Contains("Aktif", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "kontrak-aktif");
    }

    [Fact]
    public async Task Kapus_SetsTargets_VerifiesAchievement_AndSeesTheRecommendationChange()
    {
        var page = await browser.NewPageAsync("kapus");
        await page.GotoAsync("/kontrak");
        await page.ClickAsync("text=Rina Wulandari, S.KM");
        var contractUrl = page.Url;
        await BrowserFixture.ScreenshotAsync(page, "kontrak-halaman-kapus");
        var renewal = page.Locator("#perpanjangan");
        var before = await renewal.InnerTextAsync();

        // A month's written targets.
        await page.GotoAsync(contractUrl + "/target/2026-12");
        await page.FillAsync("#Line_Activity", "Penyuluhan PHBS di sekolah dasar");
        await page.FillAsync("#Line_Unit", "sekolah");
        await page.FillAsync("#Line_Quantity", "5");
        await page.ClickAsync("form.add-target button[type=submit]");
        await page.WaitForSelectorAsync("text=Target ditambahkan.");
        Assert.True(await page.Locator("article.target h2", new() { HasText = "Penyuluhan PHBS di sekolah dasar" }).IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "kontrak-target-desember");

        // November's reported achievement, verified line by line.
        await page.GotoAsync(contractUrl + "/target/2026-11");
        await BrowserFixture.ScreenshotAsync(page, "kontrak-verifikasi-sebelum");
        while (await page.Locator("form.verify", new() { Has = page.Locator("xpath=ancestor::article[.//span[contains(.,'Menunggu verifikasi')]]") }).CountAsync() > 0
               || await page.Locator("article.target:has(span.badge.warn) form.verify").CountAsync() > 0)
        {
            await page.Locator("article.target:has(span.badge.warn) form.verify button:has-text('Verifikasi')").First.ClickAsync();
            await page.WaitForSelectorAsync("text=Capaian diverifikasi.");
        }
        await BrowserFixture.ScreenshotAsync(page, "kontrak-verifikasi-sesudah");

        await page.GotoAsync(contractUrl);
        var after = await renewal.InnerTextAsync();
        if (before.Contains("Belum direkomendasikan", StringComparison.Ordinal))
            Assert.DoesNotContain("Belum direkomendasikan", after, StringComparison.Ordinal);
        Assert.Contains("Direkomendasikan untuk diperpanjang", after, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "kontrak-rekomendasi");
    }

    [Fact]
    public async Task Kapus_WritesTheTargetsOfADraft_ForTheAgreementToBeSigned()
    {
        var dinkes = await browser.NewPageAsync("dinkes");
        await dinkes.GotoAsync("/kontrak/ubah");
        await dinkes.SelectOptionAsync("#Input_PuskesmasId", new SelectOptionValue { Label = "Puskesmas Moyudan" });
        await dinkes.FillAsync("#Input_ContractorName", "Draf Uji " + Guid.NewGuid().ToString("N")[..6] + ", S.KM");
        await dinkes.FillAsync("#Input_Start", "2027-01-01");
        await dinkes.FillAsync("#Input_End", "2027-12-31");
        await dinkes.FillAsync("#Input_MonthlyHonorarium", "2700000");
        await dinkes.ClickAsync("form.kontrak-form button[type=submit]");
        await dinkes.WaitForURLAsync("**/kontrak/*?disimpan=1");
        var contractUrl = dinkes.Url.Split('?')[0];

        var kapus = await browser.NewPageAsync("kapus");
        await kapus.GotoAsync(contractUrl + "/target/2027-01");
        Assert.Contains("Kontrak masih draf", await kapus.InnerTextAsync("main"), StringComparison.Ordinal);
        await kapus.FillAsync("#Line_Activity", "Penyuluhan kesehatan reproduksi remaja");
        await kapus.FillAsync("#Line_Unit", "kegiatan");
        await kapus.FillAsync("#Line_Quantity", "4");
        await kapus.ClickAsync("form.add-target button[type=submit]");
        await kapus.WaitForSelectorAsync("text=Target ditambahkan.");
        // A draft's targets are written, but there is nothing to verify yet.
        Assert.Equal(0, await kapus.Locator("form.verify").CountAsync());
        await BrowserFixture.ScreenshotAsync(kapus, "kontrak-target-draf");
    }

    [Fact]
    public async Task Dinas_ReadsAnotherProvincesUmk_ButCannotChangeIt()
    {
        // A row of another province, as another Dinas or the Admin would enter it (a name no other test uses).
        var kota = "Kota Uji " + Guid.NewGuid().ToString("N")[..6];
        await using (var db = browser.App.Database.Open(new SystemActor("admin")))
        {
            db.UmkRates.Add(new UmkRate { Provinsi = "Jawa Tengah", KabupatenKota = kota, Year = 2026, Amount = 2_500_000m, Source = "SK Gubernur Jawa Tengah (uji)" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var dinkes = await browser.NewPageAsync("dinkes");
        await dinkes.GotoAsync("/kontrak/umk");
        var row = dinkes.Locator("table.umk tr", new() { HasText = kota });
        Assert.Contains("Provinsi lain", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await row.Locator("button").CountAsync());

        await dinkes.FillAsync("#Input_Provinsi", "Jawa Tengah");
        await dinkes.FillAsync("#Input_KabupatenKota", kota);
        await dinkes.FillAsync("#Input_Amount", "1000000");
        await dinkes.FillAsync("#Input_Source", "Revisi");
        await dinkes.ClickAsync("form:has(#Input_Provinsi) button[type=submit]");
        Assert.Contains("bukan provinsi Dinas Anda (Daerah Istimewa Yogyakarta)", await dinkes.InnerTextAsync("[data-valmsg-for='Input.Provinsi']"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(dinkes, "kontrak-umk-provinsi-lain");
    }

    [Fact]
    public async Task Worker_SeesTargets_AndDinasPagesRender_OnAPhone()
    {
        var worker = await browser.NewPageAsync("promkes", new ViewportSize { Width = 390, Height = 844 });
        await worker.GotoAsync("/kontrak/saya");
        Assert.True(await worker.Locator("article.target").First.IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(worker, "kontrak-saya-ponsel");

        var dinkes = await browser.NewPageAsync("dinkes");
        foreach (var (path, shot) in new[]
                 {
                     ("/kontrak/pelamar", "kontrak-pelamar"), ("/kontrak/umk", "kontrak-umk"), ("/kontrak/anggaran", "kontrak-anggaran"),
                     ("/kontrak/aturan", "kontrak-aturan"), ("/kontrak/laporan?tahun=2026", "kontrak-laporan"),
                 })
        {
            var response = await dinkes.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await BrowserFixture.ScreenshotAsync(dinkes, shot);
        }
        await dinkes.GotoAsync("/kontrak");
        await dinkes.ClickAsync("text=Tim Kesehatan Jiwa Masyarakat Gamping");
        Assert.True(await dinkes.Locator("#anggota .warning").IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(dinkes, "kontrak-tim-pns");
    }

    [Fact]
    public async Task Dinas_DeletesTheDraftOfMlati_AfterOpeningTheDeleteBox()
    {
        var dinkes = await browser.NewPageAsync("dinkes");
        await dinkes.GotoAsync("/kontrak");
        await dinkes.ClickAsync("text=Siti Aminah, S.KM");
        await dinkes.ClickAsync("details.delete-draft summary");
        await dinkes.Locator("section.card", new() { Has = dinkes.Locator("details.delete-draft") }).ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "kontrak-hapus-draf.png") });
        await dinkes.ClickAsync("text=Ya, hapus draf ini");
        await dinkes.WaitForURLAsync("**/kontrak");
        Assert.Contains("Draf kontrak Siti Aminah, S.KM dihapus.", await dinkes.InnerTextAsync(".notice"), StringComparison.Ordinal);
        Assert.Equal(0, await dinkes.Locator("main table a", new() { HasText = "Siti Aminah" }).CountAsync());
        await BrowserFixture.ScreenshotAsync(dinkes, "kontrak-draf-dihapus");
    }
}
