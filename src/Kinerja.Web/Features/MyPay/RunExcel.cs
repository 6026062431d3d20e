using Kinerja.Data.Remunerasi;
using MiniExcelLibs;

namespace Kinerja.Web.Features.MyPay;

/// <summary>
/// A run as an Excel workbook (product.md §1, "exports to Excel"): sheet "Hasil" with one row per person and every
/// result field of calculation.md §9 (the header names the field), then a totals row; sheet "Tanda" with every
/// flag; sheet "Perhitungan" with what the run is (period, version, status, who took each step).
/// </summary>
public static class RunExcel
{
    public const string ResultSheet = "Hasil";
    public const string FlagSheet = "Tanda";
    public const string RunSheet = "Perhitungan";
    public const string TotalCode = "JUMLAH";

    /// <summary>The money columns: summed in the totals row.</summary>
    public static readonly IReadOnlyList<string> MoneyColumns =
    [
        "Gaji dan tunjangan (fixedPay)", "Jasa pelayanan (baseAmount)", "Nilai tambah (addedValue)", "Insentif kinerja (performanceIncentive)",
        "Insentif (incentive)", "Perikatan (perikatan)", "Ditahan (withheld)", "Uang jaga (duty)", "Potongan batas KMK (capReduction)", "Jumlah diterima (total)",
    ];

    public static byte[] Write(string hospital, CalculationRun run, IReadOnlyList<RunStaffResult> results)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.OrderBy(r => r.Ordinal).Select(Row).ToList();
        var totals = new Dictionary<string, object?>(rows.Count > 0 ? rows[0].Keys.ToDictionary(k => k, _ => (object?)null) : [])
        {
            ["Kode (id)"] = TotalCode,
            ["Nama"] = $"{results.Count} pegawai",
        };
        foreach (var column in MoneyColumns)
            totals[column] = rows.Sum(r => r[column] as decimal? ?? 0m);
        rows.Add(totals);

        var flags = results.OrderBy(r => r.Ordinal)
            .SelectMany(r => r.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => new Dictionary<string, object?>
            {
                ["Kode (id)"] = r.StaffCode, ["Nama"] = r.Name, ["Unit"] = r.Unit, ["Tanda (flag)"] = f,
            }))
            .Concat(run.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => new Dictionary<string, object?>
            {
                ["Kode (id)"] = "RUMAH SAKIT", ["Nama"] = hospital, ["Unit"] = null, ["Tanda (flag)"] = f,
            }))
            .ToList();
        if (flags.Count == 0)
            flags.Add(new Dictionary<string, object?> { ["Kode (id)"] = null, ["Nama"] = "Tidak ada tanda", ["Unit"] = null, ["Tanda (flag)"] = null });

        var about = new List<Dictionary<string, object?>>
        {
            Pair("Rumah sakit", hospital), Pair("Periode", run.Period), Pair("Versi", run.Version), Pair("Status", RunWorkflow.Label(run.Status)),
            Pair("Versi aturan", run.RuleVersion), Pair("Sidik data masukan (SHA-256)", run.InputFingerprint),
            Pair("Jumlah pegawai", run.StaffCount), Pair("Baris layanan", run.ServiceLineCount),
            Pair("Dihitung", $"{run.CalculatedBy} {run.CalculatedAt:yyyy-MM-dd HH:mm} UTC"),
            Pair("Diverifikasi", run.VerifiedAt is { } v ? $"{run.VerifiedBy} {v:yyyy-MM-dd HH:mm} UTC" : null),
            Pair("Disetujui", run.ApprovedAt is { } a ? $"{run.ApprovedBy} {a:yyyy-MM-dd HH:mm} UTC" : null),
            Pair("Dibayar", run.PaidAt is { } p ? $"{run.PaidBy} {p:yyyy-MM-dd HH:mm} UTC" : null),
            Pair("Jumlah diterima (total)", run.Total),
            Pair("Rasio belanja pegawai (personnelRatio)", run.PersonnelRatio is { } ratio ? Ratio(ratio) : null),
        };

        var sheets = new Dictionary<string, object>
        {
            [ResultSheet] = rows,
            [FlagSheet] = flags,
            [RunSheet] = about,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    static Dictionary<string, object?> Pair(string key, object? value) => new() { ["Keterangan"] = key, ["Nilai"] = value };

    static Dictionary<string, object?> Row(RunStaffResult r) => new()
    {
        ["Kode (id)"] = r.StaffCode,
        ["Nama"] = r.Name,
        ["Kategori (category)"] = r.Category,
        ["Unit"] = r.Unit,
        ["Gaji dan tunjangan (fixedPay)"] = r.FixedPay,
        ["Skor stratifikasi (stratificationScore)"] = Ratio(r.StratificationScore),
        ["Bintang (star)"] = r.Star,
        ["Unit JKN (units.jkn)"] = r.UnitsJkn,
        ["Unit non-JKN (units.nonJkn)"] = r.UnitsNonJkn,
        ["Kunjungan JKN (visits.jkn)"] = r.VisitsJkn,
        ["Kunjungan non-JKN (visits.nonJkn)"] = r.VisitsNonJkn,
        ["Capaian target (achievement)"] = Ratio(r.Achievement),
        ["Porsi JKN (jknShare)"] = Ratio(r.JknShare),
        ["Skor mutu (qualityScore)"] = Ratio(r.QualityScore),
        ["Faktor mutu (qualityFactor)"] = r.QualityFactor,
        ["Jasa pelayanan (baseAmount)"] = r.BaseAmount,
        ["Nilai tambah (addedValue)"] = r.AddedValue,
        ["Poin (points)"] = r.Points,
        ["Capaian kinerja (performance)"] = Ratio(r.Performance),
        ["Insentif kinerja (performanceIncentive)"] = r.PerformanceIncentive,
        ["Batas rentang (incentiveMax)"] = r.IncentiveMax,
        ["Insentif (incentive)"] = r.Incentive,
        ["Perikatan (perikatan)"] = r.Perikatan,
        ["Ditahan (withheld)"] = r.Withheld,
        ["Uang jaga (duty)"] = r.Duty,
        ["Potongan batas KMK (capReduction)"] = r.CapReduction,
        ["Jumlah diterima (total)"] = r.Total,
        ["Tanda (flags)"] = r.Flags,
    };

    /// <summary>Ratios as the result JSON shows them: 4 decimals, half away from zero (calculation.md §1).</summary>
    static decimal? Ratio(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
