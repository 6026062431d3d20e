using System.Globalization;
using Kinerja.Web.Infrastructure;
using MiniExcelLibs;

namespace Kinerja.Web.Features.Reports;

/// <summary>Formats and the Excel writer the reports share.</summary>
public static class ReportFormat
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static bool English => Infrastructure.Format.English;

    /// <summary>Short Rupiah for chart axes: Rp 9,5 M (miliar), Rp 250 jt (juta).</summary>
    public static string ShortRupiah(decimal amount)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (Math.Abs(amount) >= 1_000_000_000)
            return "Rp " + (amount / 1_000_000_000).ToString("0.#", culture) + (English ? " bn" : " M");
        if (Math.Abs(amount) >= 1_000_000)
            return "Rp " + (amount / 1_000_000).ToString("0.#", culture) + (English ? " m" : " jt");
        return Format.Rupiah(amount);
    }

    public static string Ratio(decimal? ratio, int decimals = 2) => ratio is { } r ? Format.Percent(r, decimals) : "–";

    /// <summary>Month name for a YYYY-MM period in the UI language ("Okt 2026").</summary>
    public static string MonthShort(string period) =>
        DateTime.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMM", CultureInfo.CurrentUICulture);

    public static string MonthLong(string period) =>
        DateTime.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.CurrentUICulture);

    /// <summary>An .xlsx workbook from named sheets of rows (column order = the order of each row's keys).</summary>
    public static byte[] Workbook(IReadOnlyList<(string Sheet, IEnumerable<IDictionary<string, object?>> Rows)> sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
            workbook[sheet] = rows.ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
