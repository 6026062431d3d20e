using System.Globalization;

namespace Kinerja.Web.Infrastructure;

/// <summary>Rupiah and dates in Indonesian form (product.md, "Everyone expects").</summary>
public static class Format
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The page is in English (the language switch); a bilingual message then shows its English text.</summary>
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Rp 2.624.387: money is always shown the Indonesian way, whatever the UI language.</summary>
    public static string Rupiah(decimal amount) =>
        (amount < 0 ? "-Rp " : "Rp ") + Math.Abs(amount).ToString("#,0", Indonesian);

    public static string Rupiah(decimal? amount) => amount is decimal a ? Rupiah(a) : "–";

    /// <summary>23 November 2026 (or 23 November 2026 in English too: day month year).</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentUICulture);

    public static string Date(DateTime utc) => Date(DateOnly.FromDateTime(ToWib(utc)));

    /// <summary>Instant in Western Indonesian Time (UTC+7), where the demo institutions are.</summary>
    public static string Instant(DateTime utc) =>
        ToWib(utc).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentUICulture) + " WIB";

    public static string Percent(decimal ratio, int decimals = 1) =>
        (ratio * 100).ToString("N" + decimals, CultureInfo.CurrentUICulture) + " %";

    static DateTime ToWib(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(7);
}
