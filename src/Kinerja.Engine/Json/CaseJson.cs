using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kinerja.Engine.Json;

/// <summary>A case read from JSON: its records, its service lines summed, and how many lines there were.</summary>
public sealed record CaseDocument(Case Case, IReadOnlyList<ServiceTotal> ServiceTotals, long ServiceLineCount)
{
    /// <summary>Calculates the case (calculation.md §6 to §9).</summary>
    public CalculationResult Calculate() => Calculator.Calculate(Case, ServiceTotals);
}

/// <summary>Either a valid <see cref="Document"/> or the <see cref="Errors"/> of calculation.md §5.</summary>
public sealed record CaseReadResult(CaseDocument? Document, IReadOnlyList<CaseError> Errors)
{
    public bool IsValid => Document is not null && Errors.Count == 0;
}

/// <summary>
/// The JSON forms of calculation.md: the case (§2, read streamed) and the result (§9). Shared by the CLI and the
/// web app so both read and write exactly the same format.
/// </summary>
public static class CaseJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        // Messages are Indonesian prose with quotes; keep them readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Reads a case from UTF-8 JSON in one streamed pass: memory stays small however many service lines there are.
    /// Every problem of the case is returned in <see cref="CaseReadResult.Errors"/>.
    /// </summary>
    /// <exception cref="JsonException">The stream is not well-formed JSON (its line and byte position are set).</exception>
    public static CaseReadResult Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new CaseJsonReader(utf8Json);
        return reader.Read();
    }

    /// <summary>Writes a case as calculation.md §2 JSON (compact: a case may hold millions of lines).</summary>
    public static void WriteCase(Stream utf8Json, Case @case)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(@case);
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        CaseJsonWriter.Write(writer, @case);
    }

    /// <summary>Writes the result of calculation.md §9: money as whole Rupiah, ratios rounded to 4 decimals (§1).</summary>
    public static void WriteResult(Stream utf8Json, CalculationResult result)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(result);
        using var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("period", result.Period.ToString());
        writer.WriteNumber("months", result.Months);
        writer.WriteStartArray("staff");
        foreach (var staff in result.Staff)
        {
            WriteStaff(writer, staff);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("totals");
        WriteMoney(writer, "fixedPay", result.Totals.FixedPay);
        WriteMoney(writer, "incentive", result.Totals.Incentive);
        WriteMoney(writer, "duty", result.Totals.Duty);
        WriteMoney(writer, "perikatan", result.Totals.Perikatan);
        WriteMoney(writer, "withheld", result.Totals.Withheld);
        WriteMoney(writer, "capReduction", result.Totals.CapReduction);
        WriteMoney(writer, "total", result.Totals.Total);
        writer.WriteEndObject();
        if (result.PersonnelRatio is { } ratio)
        {
            WriteRatio(writer, "personnelRatio", ratio);
        }

        WriteFlags(writer, result.Flags);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{"errors":[{"path":..,"message":..}]}</c> (calculation.md, the CLI form).</summary>
    public static void WriteErrors(Stream utf8Json, IReadOnlyList<CaseError> errors)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(errors);
        using var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("path", error.Path);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStaff(Utf8JsonWriter writer, StaffResult staff)
    {
        writer.WriteStartObject();
        writer.WriteString("id", staff.Id);
        WriteMoney(writer, "fixedPay", staff.FixedPay);
        if (staff.Medis is { } medis)
        {
            WriteRatio(writer, "stratificationScore", medis.StratificationScore);
            writer.WriteNumber("star", medis.Star);
            writer.WriteStartObject("units");
            writer.WriteNumber("jkn", medis.Units.Jkn);
            writer.WriteNumber("nonJkn", medis.Units.NonJkn);
            writer.WriteEndObject();
            writer.WriteStartObject("visits");
            writer.WriteNumber("jkn", medis.Visits.Jkn);
            writer.WriteNumber("nonJkn", medis.Visits.NonJkn);
            writer.WriteEndObject();
            WriteRatio(writer, "achievement", medis.Achievement);
            WriteRatio(writer, "jknShare", medis.JknShare);
            WriteRatio(writer, "qualityScore", medis.QualityScore);
            WriteExact(writer, "qualityFactor", medis.QualityFactor);
            WriteMoney(writer, "baseAmount", medis.BaseAmount);
            WriteMoney(writer, "addedValue", medis.AddedValue);
        }

        if (staff.NonMedis is { } nonMedis)
        {
            WriteExact(writer, "points", nonMedis.Points);
            WriteExact(writer, "performance", nonMedis.Performance);
        }

        WriteMoney(writer, "performanceIncentive", staff.PerformanceIncentive);
        WriteMoney(writer, "incentiveMax", staff.IncentiveMax);
        WriteMoney(writer, "incentive", staff.Incentive);
        WriteMoney(writer, "perikatan", staff.Perikatan);
        WriteMoney(writer, "withheld", staff.Withheld);
        WriteMoney(writer, "duty", staff.Duty);
        WriteMoney(writer, "capReduction", staff.CapReduction);
        WriteMoney(writer, "total", staff.Total);
        WriteFlags(writer, staff.Flags);
        writer.WriteEndObject();
    }

    private static void WriteFlags(Utf8JsonWriter writer, IReadOnlyList<string> flags)
    {
        writer.WriteStartArray("flags");
        foreach (var flag in flags)
        {
            writer.WriteStringValue(flag);
        }

        writer.WriteEndArray();
    }

    /// <summary>Money is whole Rupiah: written as an integer whatever scale the decimal carries (5000000.0 → 5000000).</summary>
    private static void WriteMoney(Utf8JsonWriter writer, string name, decimal? amount)
    {
        if (amount is not { } value)
        {
            writer.WriteNull(name);
        }
        else if (value is >= long.MinValue and <= long.MaxValue && Money.IsWhole(value))
        {
            writer.WriteNumber(name, (long)value);
        }
        else
        {
            writer.WriteNumber(name, Money.Round(value));
        }
    }

    /// <summary>Ratios: 4 decimals, half away from zero (§1), written like the examples (3.0, 0.7, 1.3333).</summary>
    private static void WriteRatio(Utf8JsonWriter writer, string name, decimal? ratio) =>
        WriteExact(writer, name, ratio is { } value ? Money.RoundRatio(value) : null);

    private static void WriteExact(Utf8JsonWriter writer, string name, decimal? value)
    {
        writer.WritePropertyName(name);
        if (value is { } number)
        {
            writer.WriteRawValue(number.ToString("0.0###########################", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
