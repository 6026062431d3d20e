using System.Globalization;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;

namespace Kinerja.Web.Features.ExtraPay;

/// <summary>Names of the kinds (localizer keys) and the number parsing of the extra-pay forms.</summary>
public static class ExtraPayText
{
    public static string Kind(ExtraPayKind kind) => kind switch
    {
        ExtraPayKind.Gaji13 => "Gaji ke-13",
        ExtraPayKind.ThrInsentif => "THR insentif",
        ExtraPayKind.Bonus => "Bonus tahunan",
        ExtraPayKind.NonTunai => "Pendapatan tambahan non-tunai",
        _ => kind.ToString(),
    };

    public static string Say(RunProblem problem) =>
        Infrastructure.Format.English ? problem.English : problem.Message;

    /// <summary>
    /// Whole Rupiah as people type them: "1.500.000.000", "Rp 1 500 000", "1500000". Form values are read as text
    /// because the id-ID culture takes "." as the thousands separator.
    /// </summary>
    public static decimal? Rupiah(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var digits = text.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(".", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A fraction or multiple typed with a comma or a point: "0,5", "1.5", "2".</summary>
    public static decimal? Number(string? text) =>
        !string.IsNullOrWhiteSpace(text) && decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
