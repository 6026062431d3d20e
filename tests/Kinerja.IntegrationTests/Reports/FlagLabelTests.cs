using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kinerja.IntegrationTests.Reports;

/// <summary>Flags read as what they mean (the code in brackets) on the slip PDF and in the report workbooks.</summary>
public class FlagLabelTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static List<IDictionary<string, object>> Sheet(byte[] xlsx, string name) =>
        new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object>>().ToList();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SlipPdf_PrintsEachFlagsLabel_WithItsCode(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        RunStaffResult row;
        await using (var db = app.Database.Open())
        {
            var october = await db.CalculationRuns.SingleAsync(r => r.Period == "2026-10", Ct);
            // The demo's P0055 is cut by the KMK ceiling (see the MyPay browser tests).
            row = await db.RunStaffResults.SingleAsync(r => r.RunId == october.Id && r.StaffCode == "P0055", Ct);
        }

        var team = await app.SignInAsync("remunerasi");
        var pdf = await team.GetByteArrayAsync($"/remunerasi/perhitungan/{row.RunId}/slip/P0055.pdf", Ct);
        if (Environment.GetEnvironmentVariable("KINERJA_REPORT_OUT") is { Length: > 0 } outDir && provider == DatabaseProvider.Sqlite)
            await File.WriteAllBytesAsync(Path.Combine(outDir, "slip-tanda-P0055.pdf"), pdf, Ct);
        var text = await PdfText.OfAsync(pdf, Ct);
        Assert.Contains("Dipotong batas remunerasi KMK (REMUNERATION_CAP)", text, StringComparison.Ordinal);
        foreach (var flag in row.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains($"{Kinerja.Web.Features.Runs.RunsAccess.FlagLabel(flag)} ({flag})", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tanda: ", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QuarterAndDewanPengawasWorkbooks_NameTheFlags(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var october = await ReportRuns.ApproveAsync(app.Database, Period.Month(2026, 10));
        var dewas = await app.SignInAsync("dewas");

        var doctors = Sheet(await dewas.GetByteArrayAsync("/remunerasi/laporan/triwulan?handler=Excel&tahun=2026&triwulan=4", Ct), "Per dokter");
        var flagged = doctors.Where(d => d["Tanda"] is string { Length: > 0 }).ToList();
        Assert.NotEmpty(flagged);
        foreach (var doctor in flagged)
        {
            foreach (var part in ((string)doctor["Tanda"]).Split("; "))
            {
                var code = part[(part.LastIndexOf('(') + 1)..^1];
                Assert.Equal($"{FlagText.Of(code)} ({code})", part);
                Assert.NotEqual(code, FlagText.Of(code)); // every flag of the engine has a label
            }
        }

        Assert.Contains(flagged, d => ((string)d["Tanda"]).Contains("Di bawah target kunjungan (BELOW_TARGET)", StringComparison.Ordinal));

        var exceptions = Sheet(await dewas.GetByteArrayAsync("/remunerasi/laporan/dewas?handler=Excel&tahun=2026", Ct), "Pengecualian");
        var row = exceptions.Single(e => (string)e["Periode"] == "2026-10");
        Dictionary<string, int> counts;
        await using (var db = app.Database.Open())
        {
            counts = (await db.RunStaffResults.Where(r => r.RunId == october.Id).Select(r => r.Flags).ToListAsync(Ct))
                .SelectMany(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        }

        Assert.NotEmpty(counts);
        foreach (var (flag, count) in counts)
            Assert.Contains($"{FlagText.Of(flag)} ({flag}): {count} pegawai", (string)row["Tanda"], StringComparison.Ordinal);
    }
}
