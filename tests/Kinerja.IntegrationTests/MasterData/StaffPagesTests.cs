using System.Net;
using Kinerja.Data;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kinerja.IntegrationTests.MasterData.MasterDataHelpers;

namespace Kinerja.IntegrationTests.MasterData;

public class StaffPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaffEdit_WithABadField_ShowsTheIndonesianError_AndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var client = await app.SignInAsync("remunerasi");
        int id;
        await using (var db = app.Database.Open())
            id = (await db.Staff.SingleAsync(s => s.Code == "P0001", Ct)).Id;

        var response = await KinerjaApp.PostFormAsync(client, $"/remunerasi/pegawai/{id}", new()
        {
            ["Input.Name"] = "Nama Baru Seharusnya Tidak Tersimpan",
            ["Input.Category"] = "KEPERAWATAN",
            ["Input.SalaryRm"] = "tiga juta",
            ["Input.SalaryBlu"] = "0",
            ["Input.PositionAllowance"] = "0",
            ["Input.OtherAllowances"] = "-5000",
            ["Input.Performance"] = "100",
            ["Input.StartDate"] = "2026-05-01",
            ["Input.EndDate"] = "2026-01-31",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await BodyAsync(response));
        Assert.Contains("Gaji rupiah murni harus Rupiah bulat tanpa desimal", html, StringComparison.Ordinal);
        Assert.Contains("Tunjangan lainnya tidak boleh negatif.", html, StringComparison.Ordinal);
        Assert.Contains("Tanggal berhenti bekerja tidak boleh sebelum tanggal mulai bekerja.", html, StringComparison.Ordinal);
        await using var check = app.Database.Open();
        var staff = await check.Staff.SingleAsync(s => s.Id == id, Ct);
        Assert.NotEqual("Nama Baru Seharusnya Tidak Tersimpan", staff.Name);
        Assert.Null(staff.EndDate);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Entity == "Staff" && a.Action == "Modified", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaffEdit_Valid_IsSavedAndAudited(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var client = await app.SignInAsync("remunerasi");
        var response = await KinerjaApp.PostFormAsync(client, "/remunerasi/pegawai/baru", new()
        {
            ["Input.Code"] = "P9001",
            ["Input.Name"] = "Ani Baru, S.Kep.",
            ["Input.Category"] = "KEPERAWATAN",
            ["Input.Unit"] = "ICU",
            ["Input.Grade"] = "7",
            ["Input.SalaryRm"] = "Rp 3.100.000",
            ["Input.SalaryBlu"] = "0",
            ["Input.PositionAllowance"] = "0",
            ["Input.OtherAllowances"] = "250000",
            ["Input.MaxRemuneration"] = "14000000",
            ["Input.Points"] = "2300,5",
            ["Input.Performance"] = "95,5",
            ["Input.StartDate"] = "2026-11-01",
        });

        AssertRedirect(response, "/remunerasi/pegawai/");
        await using var db = app.Database.Open();
        var staff = await db.Staff.SingleAsync(s => s.Code == "P9001", Ct);
        Assert.Equal(3_100_000m, staff.SalaryRm);
        Assert.Equal(2300.5m, staff.Points);
        Assert.Equal(0.955m, staff.Performance);
        Assert.Equal(new DateOnly(2026, 11, 1), staff.StartDate);
        var audit = await db.AuditEntries.SingleAsync(a => a.Entity == "Staff" && a.Action == "Added" && a.Actor == "remunerasi", Ct);
        Assert.Equal("remunerasi", audit.Actor);

        var list = await BodyAsync(await client.GetAsync("/remunerasi/pegawai?q=ani%20baru", Ct));
        Assert.Contains("Ani Baru", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DewanPengawas_SeesThePages_ButEveryPostIsRefused(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var client = await app.SignInAsync("dewas");
        int staffId, agreementId, ruleSetId;
        await using (var db = app.Database.Open())
        {
            staffId = (await db.Staff.SingleAsync(s => s.Code == "P0001", Ct)).Id;
            agreementId = (await db.PerikatanAgreements.FirstAsync(Ct)).Id;
            ruleSetId = (await db.RuleSets.FirstAsync(Ct)).Id;
        }

        foreach (var page in new[] { "/remunerasi/pegawai", $"/remunerasi/pegawai/{staffId}", "/remunerasi/aturan", $"/remunerasi/aturan/{ruleSetId}",
                     "/remunerasi/target?tahun=2026", "/remunerasi/stratifikasi", "/remunerasi/stratifikasi/D0005", "/remunerasi/perikatan" })
        {
            var response = await client.GetAsync(page, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            var html = await BodyAsync(response);
            Assert.DoesNotContain("Tambah pegawai", html, StringComparison.Ordinal);
            Assert.DoesNotContain("type=\"submit\">Simpan", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Validasi</button>", html, StringComparison.Ordinal);
        }

        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ($"/remunerasi/pegawai/{staffId}", new() { ["Input.Name"] = "X", ["Input.Category"] = "KEPERAWATAN" }),
            ("/remunerasi/pegawai/baru", new() { ["Input.Code"] = "X1" }),
            ("/remunerasi/aturan", new() { ["Input.From"] = ruleSetId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.EffectiveFrom"] = "2027-01" }),
            ($"/remunerasi/aturan/{ruleSetId}?handler=Tetapkan", []),
            ($"/remunerasi/aturan/{ruleSetId}/layanan", []),
            ("/remunerasi/target?tahun=2026&handler=Simpan", new() { ["Rba.JknVisits"] = "1" }),
            ("/remunerasi/target?tahun=2026&handler=Bagi", []),
            ("/remunerasi/stratifikasi/D0005?handler=Validasi", []),
            ($"/remunerasi/perikatan/{agreementId}", new() { ["Input.StaffCode"] = "D0001" }),
            ("/remunerasi/perikatan/baru", new() { ["Input.StaffCode"] = "D0001" }),
        };
        foreach (var (path, fields) in posts)
        {
            var response = await KinerjaApp.PostFormAsync(client, path, fields, formPage: "/remunerasi/pegawai");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }

        await using var check = app.Database.Open();
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Actor == "dewas", Ct));
    }

    [Fact]
    public async Task Pegawai_CannotOpenTheMasterDataPages()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = await app.SignInAsync("dokter");
        foreach (var page in new[] { "/remunerasi/pegawai", "/remunerasi/aturan", "/remunerasi/target", "/remunerasi/perikatan", "/remunerasi/stratifikasi/D0002" })
        {
            var response = await client.GetAsync(page, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/akun/ditolak", StringComparison.Ordinal),
                $"{page}: {response.StatusCode}");
        }
    }
}
