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
