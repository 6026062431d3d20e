using Kinerja.BrowserTests.Infrastructure;
using Kinerja.Data.Demo;
using Kinerja.Data.Identity;
using Kinerja.Data.Remunerasi;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Kinerja.BrowserTests.MasterData;

/// <summary>
/// The master-data pages in Chromium. The app and database are shared with every browser test, so these tests make
/// their own rows (unique codes, a rule version and staff that start in 2035) and leave the demo's 2026 alone.
/// </summary>
public class MasterDataBrowserTests(BrowserFixture browser)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    static string Unique() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task StaffEdit_ShowsTheFieldError_ThenSaves()
    {
        var code = "B" + Unique();
        var page = await browser.NewPageAsync("remunerasi");
        await page.GotoAsync("/remunerasi/pegawai");
        await BrowserFixture.ScreenshotAsync(page, "pegawai-daftar");
        await page.ClickAsync("text=Tambah pegawai");
        await page.FillAsync("#Input_Code", code);
        await page.FillAsync("#Input_Name", "Uji Peramban, S.Kep.");
        await page.SelectOptionAsync("#Input_Category", "KEPERAWATAN");
        await page.FillAsync("#Input_Unit", "ICU");
        await page.FillAsync("#Input_SalaryRm", "3,5 juta");
        await page.FillAsync("#Input_StartDate", "2035-01-01");
        await page.ClickAsync("form.staff-form button[type=submit]");

        var error = page.Locator("[data-valmsg-for='Input.SalaryRm']");
        Assert.Contains("Gaji rupiah murni harus Rupiah bulat", await error.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "pegawai-galat");

        await page.FillAsync("#Input_SalaryRm", "3.500.000");
        await page.ClickAsync("form.staff-form button[type=submit]");
        await page.WaitForSelectorAsync(".notice");
        Assert.Equal("3500000", await page.InputValueAsync("#Input_SalaryRm"));
        await BrowserFixture.ScreenshotAsync(page, "pegawai-disimpan");

        var phone = await browser.NewPageAsync("remunerasi", Phone);
        await phone.GotoAsync($"/remunerasi/pegawai?q={code}");
        Assert.Equal(1, await phone.Locator("tbody tr").CountAsync());
        await BrowserFixture.ScreenshotAsync(phone, "pegawai-ponsel");

        var dewas = await browser.NewPageAsync("dewas");
        await dewas.GotoAsync($"/remunerasi/pegawai?q={code}");
        await dewas.ClickAsync($"text=Uji Peramban");
        Assert.Equal(0, await dewas.Locator("form.staff-form button[type=submit]").CountAsync());
        Assert.True(await dewas.Locator("#Input_Name").IsDisabledAsync());
        await BrowserFixture.ScreenshotAsync(dewas, "pegawai-dewas");
    }

    [Fact]
    public async Task RuleSet_DraftChangedSubmittedAndApprovedByTheDireksi()
    {
        var tim = await browser.NewPageAsync("remunerasi");
        await tim.GotoAsync("/remunerasi/aturan");
        await tim.SelectOptionAsync("#Input_From", new SelectOptionValue { Label = "Versi 1 (Ditetapkan, 1 Januari 2026)" });
        // Far in the future: the other browser tests calculate 2026 with version 1.
        await tim.FillAsync("#Input_EffectiveFrom", "2035-01");
        await tim.FillAsync("#Input_Note", "Uji peramban: tarif konsultasi naik");
        await BrowserFixture.ScreenshotAsync(tim, "aturan-daftar");
        await tim.ClickAsync("text=Buat draf");
        await tim.WaitForURLAsync("**/remunerasi/aturan/*");
        var detail = tim.Url.Split('#')[0];
        await tim.ClickAsync("a[href$='/layanan']");
        await tim.FillAsync("input[name='Rows[0].RateJkn']", "27500");
        await tim.FillAsync("input[name='Rows[8].Code']", "TELEKONSUL");
        await tim.FillAsync("input[name='Rows[8].Name']", "Telekonsultasi");
        await tim.CheckAsync("input[name='Rows[8].Visit']");
        await tim.FillAsync("input[name='Rows[8].RateJkn']", "15000");
        await tim.FillAsync("input[name='Rows[8].RateNonJkn']", "40000");
        await BrowserFixture.ScreenshotAsync(tim, "aturan-ubah-layanan");
        await tim.ClickAsync("form.rule-form button[type=submit]");
        await tim.WaitForURLAsync(detail + "#layanan");
        Assert.Contains("TELEKONSUL", await tim.InnerTextAsync("table.diff"), StringComparison.Ordinal);
        await tim.ClickAsync("text=Ajukan ke Direksi");
        await tim.WaitForSelectorAsync(".notice");
        await BrowserFixture.ScreenshotAsync(tim, "aturan-diajukan");
        Assert.Equal(0, await tim.Locator("text=Tetapkan versi").CountAsync());

        var direktur = await browser.NewPageAsync("direktur");
        await direktur.GotoAsync(detail);
        var diff = await direktur.InnerTextAsync("table.diff");
        Assert.Contains("Rp 25.000", diff, StringComparison.Ordinal);
        Assert.Contains("Rp 27.500", diff, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(direktur, "aturan-direksi-selisih");
        await direktur.ClickAsync("button:has-text('Tetapkan versi')");
        await direktur.WaitForSelectorAsync(".notice");
        Assert.Contains("Ditetapkan", await direktur.InnerTextAsync("h1"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(direktur, "aturan-ditetapkan");
        await direktur.GotoAsync("/bahasa/en?kembali=" + Uri.EscapeDataString(new Uri(detail).PathAndQuery));
        Assert.Contains("Rules version", await direktur.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("Services and service fees", await direktur.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(direktur, "aturan-en");

        var phone = await browser.NewPageAsync("direktur", Phone);
        await phone.GotoAsync("/remunerasi/aturan?tahun=2035");
        Assert.Contains("Januari 2035", await phone.InnerTextAsync("#bulan + p + .table-scroll"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(phone, "aturan-ponsel");

        // The approved version's edit page says it cannot be changed and offers no save.
        await tim.GotoAsync(detail.Split('#')[0] + "/layanan");
        Assert.Contains("tidak dapat diubah", await tim.InnerTextAsync(".warning"), StringComparison.Ordinal);
        Assert.Equal(0, await tim.Locator("form.rule-form button[type=submit]").CountAsync());
    }

    [Fact]
    public async Task Stratification_DoctorSubmits_ManagementValidates_AndTheStarFollows()
    {
        var (userName, code) = await NewDoctorAsync();
        var doctor = await browser.NewPageAsync(userName, Phone);
        await doctor.GotoAsync("/remunerasi/stratifikasi");
        await doctor.FillAsync("#score-0", "3");
        await doctor.FillAsync("#evidence-0", "Sp-2 Penyakit Dalam, 2030");
        await doctor.FillAsync("#score-1", "3");
        await doctor.FillAsync("#score-2", "3");
        await doctor.FillAsync("#evidence-2", "Rata-rata 40 pasien eksekutif per bulan pada 2034");
        await doctor.FillAsync("#score-3", "2");
        await doctor.ClickAsync("text=Ajukan untuk validasi");
        await doctor.WaitForSelectorAsync(".notice");
        var own = await doctor.InnerTextAsync("main");
        Assert.Contains("Menunggu validasi", own, StringComparison.Ordinal);
        Assert.Contains("2,85", own, StringComparison.Ordinal); // 0.35×3 + 0.25×3 + 0.25×3 + 0.15×2
        await BrowserFixture.ScreenshotAsync(doctor, "stratifikasi-dokter-diajukan");

        var tim = await browser.NewPageAsync("remunerasi");
        await tim.GotoAsync("/remunerasi/stratifikasi");
        await BrowserFixture.ScreenshotAsync(tim, "stratifikasi-antrean");
        await tim.ClickAsync($"a[href='/remunerasi/stratifikasi/{code}']");
        await BrowserFixture.ScreenshotAsync(tim, "stratifikasi-periksa");
        await tim.ClickAsync("button:has-text('Validasi')");
        await tim.WaitForSelectorAsync(".notice");
        Assert.Contains("Bintang 3", await tim.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(tim, "stratifikasi-divalidasi");

        await doctor.ReloadAsync();
        var after = await doctor.InnerTextAsync("section.cards .card");
        Assert.Contains("Bintang 3", after, StringComparison.Ordinal);
        Assert.Contains("30 %", after, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(doctor, "stratifikasi-dokter-divalidasi");
    }

    [Fact]
    public async Task TargetsEvaluationAndPerikatan_RenderForTheDireksi_AndOnAPhone()
    {
        var direktur = await browser.NewPageAsync("direktur");
        await direktur.GotoAsync("/remunerasi/target?tahun=2026");
        Assert.Equal(9, await direktur.Locator("table:not(.revenue-targets) tbody tr").CountAsync());
        Assert.Equal(9, await direktur.Locator("table.revenue-targets tbody tr").CountAsync());
        Assert.Equal(0, await direktur.Locator("button:has-text('Simpan')").CountAsync());
        await BrowserFixture.ScreenshotAsync(direktur, "target-2026");
        await direktur.ClickAsync("text=KSM Bedah");
        await BrowserFixture.ScreenshotAsync(direktur, "target-dokter-bedah");
        await direktur.GotoAsync("/remunerasi/target/evaluasi?tahun=2026&triwulan=4");
        Assert.True(await direktur.Locator("span[title=BELOW_TARGET]").CountAsync() > 0);
        await BrowserFixture.ScreenshotAsync(direktur, "target-evaluasi-q4");
        await direktur.GotoAsync("/remunerasi/perikatan");
        Assert.True(await direktur.Locator("tbody tr").CountAsync() >= 5);
        await BrowserFixture.ScreenshotAsync(direktur, "perikatan-daftar");

        var tim = await browser.NewPageAsync("remunerasi", Phone);
        await tim.GotoAsync("/remunerasi/perikatan/baru");
        await tim.SelectOptionAsync("#Input_StaffCode", "D0040");
        await tim.FillAsync("#Input_Number", "PK.UJI/" + Unique());
        await tim.FillAsync("#Input_From", "2035-01-01");
        await tim.FillAsync("#Input_To", "2034-12-31");
        await tim.FillAsync("#Input_SignedBy", "Direktur Utama");
        await tim.FillAsync("#Input_SignedOn", "2034-12-20");
        await tim.ClickAsync("form button[type=submit]:has-text('Simpan')");
        Assert.Contains("Tanggal akhir tidak boleh sebelum tanggal mulai.", await tim.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(tim, "perikatan-galat-ponsel");
        await tim.FillAsync("#Input_To", "2035-12-31");
        await tim.ClickAsync("form button[type=submit]:has-text('Simpan')");
        await tim.WaitForSelectorAsync(".notice");
        Assert.Contains("Menunggu penetapan Direksi", await tim.InnerTextAsync(".warning.approval"), StringComparison.Ordinal);
        Assert.Equal(0, await tim.Locator("text=Tetapkan perikatan").CountAsync());

        // The Direksi approves what the Tim recorded.
        await direktur.GotoAsync(tim.Url.Split('?')[0]);
        await BrowserFixture.ScreenshotAsync(direktur, "perikatan-menunggu-penetapan");
        await direktur.ClickAsync("text=Tetapkan perikatan");
        await direktur.WaitForSelectorAsync(".notice.approval");
        Assert.Contains("Ditetapkan Direksi: direktur", await direktur.InnerTextAsync(".notice.approval"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(direktur, "perikatan-ditetapkan");
        await tim.GotoAsync("/remunerasi/target/evaluasi?tahun=2026&triwulan=4");
        await BrowserFixture.ScreenshotAsync(tim, "target-evaluasi-ponsel");
    }

    /// <summary>A doctor of its own (employed from 2035, so no 2026 case includes them) with a Pegawai account.</summary>
    async Task<(string UserName, string Code)> NewDoctorAsync()
    {
        var suffix = Unique();
        var code = "DX" + suffix;
        var userName = "dokter" + suffix.ToLowerInvariant();
        await using var db = browser.App.Database.Open();
        var hospital = await db.Institutions.SingleAsync(i => i.Code == "RSUP-CONTOH", Ct);
        db.Staff.Add(new Staff
        {
            InstitutionId = hospital.Id, Code = code, Name = $"dr. Uji {suffix}, Sp.PD", Category = Staff.Medis, Unit = "KSM Penyakit Dalam",
            Ordinal = 9000, StartDate = new DateOnly(2035, 1, 1), StratificationStatus = StratificationStatus.Draft,
        });
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.Pegawai, Ct);
        var user = new AppUser
        {
            UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), Email = $"{userName}@uji.kinerja.id",
            NormalizedEmail = $"{userName}@uji.kinerja.id".ToUpperInvariant(), EmailConfirmed = true, FullName = $"dr. Uji {suffix}",
            InstitutionId = hospital.Id, StaffCode = code, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, DemoSeeder.DemoPassword);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync(Ct);
        return (userName, code);
    }
}
