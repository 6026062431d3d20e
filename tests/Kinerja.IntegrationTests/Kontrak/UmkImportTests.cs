using System.Text;
using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Kontrak;

public class UmkImportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UmkImport_OfTheDiyFile_LoadsFiveRowsWithSources(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        await using var db = database.Open();
        var (saved, errors) = await UmkImport.ImportAsync(db, File.OpenRead(Path.Combine(SharedData(), "umk-diy-2026.csv")), UmkRights.All, Ct);
        Assert.Empty(errors);
        Assert.Equal(5, saved);
        var sleman = await db.UmkRates.SingleAsync(u => u.KabupatenKota == "Kabupaten Sleman" && u.Year == 2026, Ct);
        Assert.Equal(2_624_387m, sleman.Amount);
        Assert.Contains("Gubernur DIY", sleman.Source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UmkImport_WithABadRow_ChangesNothing_AndNamesRowAndField(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        await using var db = database.Open();
        await UmkImport.ImportAsync(db, UmkImport.DiyDemo(), UmkRights.All, Ct);
        var csv = """
            provinsi,kabupaten_kota,tahun,umk_rupiah,sumber
            Daerah Istimewa Yogyakarta,Kabupaten Sleman,2026,2.700.000,Revisi
            Daerah Istimewa Yogyakarta,Kabupaten Bantul,2027,dua juta,Penetapan
            Daerah Istimewa Yogyakarta,Kabupaten Sleman,2026,2700000,Revisi
            Daerah Istimewa Yogyakarta,Kabupaten Kulon Progo,2027,2600000,
            """;
        var (saved, errors) = await UmkImport.ImportAsync(db, Csv(csv), UmkRights.All, Ct);
        Assert.Equal(0, saved);
        Assert.Equal([(3, "umk_rupiah"), (4, "kabupaten_kota"), (5, "sumber")], errors.Select(e => (e.Row, e.Field)));
        Assert.Equal(2_624_387m, (await db.UmkRates.SingleAsync(u => u.KabupatenKota == "Kabupaten Sleman", Ct)).Amount);
        Assert.Equal(5, await db.UmkRates.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UmkImport_UpdatesExistingRows_AndAddsNewOnes(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider)).MigrateAsync();
        await using var db = database.Open();
        await UmkImport.ImportAsync(db, UmkImport.DiyDemo(), UmkRights.All, Ct);
        var (saved, errors) = await UmkImport.ImportAsync(db, Csv("provinsi,kabupaten_kota,tahun,umk_rupiah,sumber\nDIY,Kabupaten Sleman,2026,2.700.000,Revisi\nDIY,Kabupaten Sleman,2027,2800000,Penetapan 2027\n"), UmkRights.All, Ct);
        Assert.Empty(errors);
        Assert.Equal(2, saved);
        Assert.Equal(2_700_000m, (await db.UmkRates.SingleAsync(u => u.KabupatenKota == "Kabupaten Sleman" && u.Year == 2026, Ct)).Amount);
        Assert.Equal(6, await db.UmkRates.CountAsync(Ct));
    }

    /// <summary>
    /// A Dinas imports its whole province (the demo Dinas Sleman: all of DIY), but a file with one row of another
    /// province, or of a kabupaten/kota the installation places in another province, changes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UmkImport_ByADinas_TakesItsOwnProvince_AndRefusesAnotherProvincesRowsAsAWhole(DatabaseProvider provider)
    {
        await using var database = await KontrakData.SeededAsync(provider);
        await using var db = database.Open();
        db.UmkRates.Add(new UmkRate { Provinsi = "Jawa Tengah", KabupatenKota = "Kota Semarang", Year = 2026, Amount = 3_454_827m, Source = "SK Gubernur Jawa Tengah" });
        await db.SaveChangesAsync(Ct);
        var diy = await UmkRights.OfProvinceAsync(db, "Daerah Istimewa Yogyakarta", Ct);

        var (saved, errors) = await UmkImport.ImportAsync(db, UmkImport.DiyDemo(), diy, Ct);
        Assert.Empty(errors);
        Assert.Equal(5, saved);

        var csv = """
            provinsi,kabupaten_kota,tahun,umk_rupiah,sumber
            Daerah Istimewa Yogyakarta,Kabupaten Bantul,2027,2600000,Penetapan 2027
            Jawa Tengah,Kota Semarang,2026,1000000,Revisi
            daerah istimewa yogyakarta,Kota Semarang,2027,1000000,Penetapan 2027
            """;
        (saved, errors) = await UmkImport.ImportAsync(db, Csv(csv), diy, Ct);
        Assert.Equal(0, saved);
        Assert.Equal([(3, "provinsi"), (4, "kabupaten_kota")], errors.Select(e => (e.Row, e.Field)));
        Assert.Contains("Jawa Tengah", errors[0].MessageId, StringComparison.Ordinal);
        Assert.Contains("Kota Semarang tercatat di provinsi Jawa Tengah", errors[1].MessageId, StringComparison.Ordinal);
        Assert.False(await db.UmkRates.AnyAsync(u => u.Year == 2027, Ct));
        Assert.Equal(3_454_827m, (await db.UmkRates.SingleAsync(u => u.KabupatenKota == "Kota Semarang", Ct)).Amount);

        // The Admin changes any row; a Dinas whose province is not recorded, none.
        Assert.Empty((await UmkImport.ImportAsync(db, Csv(csv), UmkRights.All, Ct)).Errors);
        var unknown = await UmkRights.OfProvinceAsync(db, null, Ct);
        Assert.Equal("provinsi", Assert.Single((await UmkImport.ImportAsync(db, UmkImport.DiyDemo(), unknown, Ct)).Errors, e => e.Row == 2).Field);
    }

    [Fact]
    public async Task UmkImport_WithoutTheColumns_IsRefused()
    {
        var (rows, errors) = await UmkImport.ParseAsync(Csv("kota;umk\nSleman;1\n"), Ct);
        Assert.Empty(rows);
        Assert.Equal(1, Assert.Single(errors).Row);
    }

    static string SharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Kinerja.Data", "Kontrak");
            if (File.Exists(Path.Combine(candidate, "umk-diy-2026.csv")))
                return candidate;
        }
        throw new InvalidOperationException("umk-diy-2026.csv not found");
    }
}
