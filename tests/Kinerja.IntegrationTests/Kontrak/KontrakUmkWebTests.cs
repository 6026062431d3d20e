using System.Net;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Kontrak;

/// <summary>The UMK table: every row readable, a Dinas changes only its own province's rows, the Admin all.</summary>
public partial class KontrakWebTests
{
    static Dictionary<string, string> UmkFields(string provinsi, string kabupaten, string amount) => new()
    {
        ["Input.Provinsi"] = provinsi, ["Input.KabupatenKota"] = kabupaten, ["Input.Year"] = "2026", ["Input.Amount"] = amount,
        ["Input.Source"] = "Penetapan Gubernur",
    };

    static async Task<HttpResponseMessage> ImportUmkAsync(HttpClient client, byte[] csv)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(KinerjaApp.AntiForgeryToken(await client.GetStringAsync("/kontrak/umk", Ct))), "__RequestVerificationToken" },
            { new ByteArrayContent(csv), "Upload", "umk.csv" },
        };
        return await client.PostAsync("/kontrak/umk?handler=Import", form, Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UmkPage_ADinasChangesOnlyItsOwnProvince_TheAdminAll(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        int semarang;
        await using (var db = app.Database.Open())
        {
            var row = new UmkRate { Provinsi = "Jawa Tengah", KabupatenKota = "Kota Semarang", Year = 2026, Amount = 3_454_827m, Source = "SK Gubernur Jawa Tengah" };
            db.UmkRates.Add(row);
            await db.SaveChangesAsync(Ct);
            semarang = row.Id;
        }
        async Task<decimal> Amount(string kabupaten)
        {
            await using var db = app.Database.Open();
            return (await db.UmkRates.SingleAsync(u => u.KabupatenKota == kabupaten && u.Year == 2026, Ct)).Amount;
        }

        // Dinas Sleman (DIY) reads Semarang's row but cannot change it, under either province's name.
        var dinkes = await app.SignInAsync("dinkes");
        var page = WebUtility.HtmlDecode(await dinkes.GetStringAsync("/kontrak/umk", Ct));
        Assert.Contains("Kota Semarang", page, StringComparison.Ordinal);
        Assert.Contains("Provinsi lain", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Hapus UMK Kota Semarang 2026", page, StringComparison.Ordinal);
        Assert.Contains("Hapus UMK Kabupaten Bantul 2026", page, StringComparison.Ordinal);

        var other = await KinerjaApp.PostFormAsync(dinkes, "/kontrak/umk?handler=Save", UmkFields("Jawa Tengah", "Kota Semarang", "1000000"), "/kontrak/umk");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("Provinsi \"Jawa Tengah\" bukan provinsi Dinas Anda (Daerah Istimewa Yogyakarta)", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var relabelled = await KinerjaApp.PostFormAsync(dinkes, "/kontrak/umk?handler=Save", UmkFields("Daerah Istimewa Yogyakarta", "Kota Semarang", "1000000"), "/kontrak/umk");
        Assert.Contains("Kota Semarang tercatat di provinsi Jawa Tengah", WebUtility.HtmlDecode(await relabelled.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var delete = await KinerjaApp.PostFormAsync(dinkes, $"/kontrak/umk?handler=Delete&umkId={semarang}", [], "/kontrak/umk");
        Assert.Contains("/akun/ditolak", delete.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var import = await ImportUmkAsync(dinkes, "provinsi,kabupaten_kota,tahun,umk_rupiah,sumber\nDaerah Istimewa Yogyakarta,Kabupaten Bantul,2026,2600000,Revisi\nJawa Tengah,Kota Semarang,2026,1000000,Revisi\n"u8.ToArray());
        var refused = WebUtility.HtmlDecode(await import.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Berkas ditolak, tidak ada yang berubah:", refused, StringComparison.Ordinal);
        Assert.Contains("Baris 3, kolom provinsi", refused, StringComparison.Ordinal);
        Assert.Equal((3_454_827m, 2_509_001m), (await Amount("Kota Semarang"), await Amount("Kabupaten Bantul")));

        // Its own province: a row saved, and the whole DIY table imported.
        Assert.Equal(HttpStatusCode.Redirect, (await KinerjaApp.PostFormAsync(dinkes, "/kontrak/umk?handler=Save", UmkFields("Daerah Istimewa Yogyakarta", "Kabupaten Bantul", "2510000"), "/kontrak/umk")).StatusCode);
        Assert.Equal(2_510_000m, await Amount("Kabupaten Bantul"));
        using (var diy = UmkImport.DiyDemo())
        using (var bytes = new MemoryStream())
        {
            await diy.CopyToAsync(bytes, Ct);
            Assert.Equal(HttpStatusCode.Redirect, (await ImportUmkAsync(dinkes, bytes.ToArray())).StatusCode);
        }
        Assert.Contains("5 baris UMK diimpor.", await dinkes.GetStringAsync("/kontrak/umk", Ct), StringComparison.Ordinal);
        Assert.Equal(2_509_001m, await Amount("Kabupaten Bantul"));

        // The Admin changes and deletes any province's row.
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await KinerjaApp.PostFormAsync(admin, "/kontrak/umk?handler=Save", UmkFields("Jawa Tengah", "Kota Semarang", "3500000"), "/kontrak/umk")).StatusCode);
        Assert.Equal(3_500_000m, await Amount("Kota Semarang"));
        Assert.Equal(HttpStatusCode.Redirect, (await KinerjaApp.PostFormAsync(admin, $"/kontrak/umk?handler=Delete&umkId={semarang}", [], "/kontrak/umk")).StatusCode);
        await using var check = app.Database.Open();
        Assert.False(await check.UmkRates.AnyAsync(u => u.Id == semarang, Ct));
    }
}
