using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.MasterData;

/// <summary>
/// Reads the text of a form field into a value, or records an error naming the field in the user's language.
/// Numbers come in as text on purpose: the form binder would read "0.35" as 35 in the Indonesian culture, and people
/// type both "0,35" and "0.35", "2.500.000" and "2500000". Rupiah and counts are whole: dots and spaces are digit
/// groups. Other numbers take a comma or a dot as the decimal mark and no digit groups.
/// </summary>
public sealed class FormReader(ModelStateDictionary state, IStringLocalizer t)
{
    public bool Ok => state.IsValid;

    public void Error(string key, string message) => state.AddModelError(key, message);

    string Label(string label) => t[label].Value;

    public string Localize(string text) => t[text].Value;

    public string Localize(string text, params object[] arguments) => t[text, arguments].Value;

    public string? Text(string key, string label, string? text, int maxLength, bool required = false)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (value is null && required)
            Error(key, t["{0} wajib diisi.", Label(label)]);
        else if (value is not null && value.Length > maxLength)
            Error(key, t["{0} paling banyak {1} karakter.", Label(label), maxLength]);
        return value;
    }

    /// <summary>A code: letters, digits, '.', '_' and '-', as the SIMRS and the case JSON name things.</summary>
    public string? Code(string key, string label, string? text, bool required = true)
    {
        var value = Text(key, label, text, 40, required);
        if (value is not null && !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            Error(key, t["{0} hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung.", Label(label)]);
            return null;
        }

        return value;
    }

    /// <summary>Whole Rupiah, at least 0; empty gives null (an error when required).</summary>
    public decimal? Rupiah(string key, string label, string? text, bool required = true) => Whole(key, label, text, required,
        "{0} harus Rupiah bulat tanpa desimal, misalnya 2500000.");

    /// <summary>A whole count (visits), at least 0.</summary>
    public decimal? Count(string key, string label, string? text, bool required = true) => Whole(key, label, text, required,
        "{0} harus bilangan bulat, misalnya 1200.");

    decimal? Whole(string key, string label, string? text, bool required, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                Error(key, t["{0} wajib diisi.", Label(label)]);
            return null;
        }

        var digits = text.Trim();
        if (digits.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
            digits = digits[2..];
        digits = digits.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (digits.StartsWith('-') && digits.Length > 1 && digits[1..].All(char.IsAsciiDigit))
        {
            Error(key, t["{0} tidak boleh negatif.", Label(label)]);
            return null;
        }

        if (digits.Length is 0 or > 18 || !digits.All(char.IsAsciiDigit))
        {
            Error(key, t[message, Label(label)]);
            return null;
        }

        return decimal.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A number with at most <paramref name="decimals"/> decimals, within [min, max].</summary>
    public decimal? Number(string key, string label, string? text, int decimals, decimal min = 0, decimal max = decimal.MaxValue, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                Error(key, t["{0} wajib diisi.", Label(label)]);
            return null;
        }

        var normal = text.Trim().Replace(',', '.');
        if (!decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error(key, t["{0} harus angka, misalnya 0,35.", Label(label)]);
            return null;
        }

        if (value < min && min == 0)
            Error(key, t["{0} tidak boleh negatif.", Label(label)]);
        else if (value < min || value > max)
            Error(key, t["{0} harus antara {1} dan {2}.", Label(label), Show(min), Show(max)]);
        else if (value.Scale > decimals && decimal.Round(value, decimals) != value)
            Error(key, t["{0} paling banyak {1} angka di belakang koma.", Label(label), decimals]);
        else
            return value;
        return null;
    }

    public int? WholeNumber(string key, string label, string? text, int min, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                Error(key, t["{0} wajib diisi.", Label(label)]);
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(key, t["{0} harus bilangan bulat antara {1} dan {2}.", Label(label), min, max]);
            return null;
        }

        return value;
    }

    /// <summary>A date as a date input sends it (yyyy-MM-dd); also dd-MM-yyyy and dd/MM/yyyy typed by hand.</summary>
    public DateOnly? Date(string key, string label, string? text, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                Error(key, t["{0} wajib diisi.", Label(label)]);
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(key, t["{0} harus tanggal, misalnya 2026-01-31.", Label(label)]);
        return null;
    }

    /// <summary>A month as a month input sends it (yyyy-MM); gives its first day.</summary>
    public DateOnly? Month(string key, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(key, t["{0} wajib diisi.", Label(label)]);
            return null;
        }

        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return month;
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.Day == 1)
                return day;
            Error(key, t["{0} harus tanggal 1 suatu bulan.", Label(label)]);
            return null;
        }

        Error(key, t["{0} harus bulan, misalnya 2026-12.", Label(label)]);
        return null;
    }

    /// <summary>A number as the form shows it back: shortest form, decimal comma in Indonesian.</summary>
    public static string Show(decimal value) =>
        value.ToString("0.############", Infrastructure.Format.English ? CultureInfo.InvariantCulture : Infrastructure.Format.Indonesian);

    public static string Show(decimal? value) => value is decimal v ? Show(v) : "";

    /// <summary>Whole Rupiah or counts shown back in a form: plain digits, no grouping.</summary>
    public static string Whole(decimal value) => value.ToString("0", CultureInfo.InvariantCulture);

    public static string Whole(decimal? value) => value is decimal v ? Whole(v) : "";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
