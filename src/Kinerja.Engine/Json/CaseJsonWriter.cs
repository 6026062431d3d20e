using System.Globalization;
using System.Text.Json;

namespace Kinerja.Engine.Json;

/// <summary>Writes a <see cref="Case"/> in the JSON form of calculation.md §2, lines streamed one by one.</summary>
internal static class CaseJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Case @case)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", @case.Version);
        writer.WriteString("period", @case.Period.ToString());
        if (@case.Hospital is { } hospital)
        {
            writer.WriteStartObject("hospital");
            writer.WriteString("code", hospital.Code);
            writer.WriteString("name", hospital.Name);
            if (hospital.Cluster is not null)
            {
                writer.WriteString("cluster", hospital.Cluster);
            }

            writer.WriteEndObject();
        }

        WriteRules(writer, @case.Rules);

        writer.WriteStartArray("staff");
        foreach (var staff in @case.Staff)
        {
            WriteStaff(writer, staff);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("services");
        foreach (var line in @case.Services)
        {
            writer.WriteStartObject();
            writer.WriteString("id", line.Id);
            writer.WriteString("date", line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("staffId", line.StaffId);
            writer.WriteString("service", line.Service);
            writer.WriteString("payer", Payer(line.Payer));
            writer.WriteNumber("quantity", line.Quantity);
            writer.WriteBoolean("workingHours", line.WorkingHours);
            writer.WriteEndObject();

            // Utf8JsonWriter holds everything until flushed: hand it to the stream as it grows.
            if (writer.BytesPending > 1 << 16)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();

        writer.WriteStartArray("quality");
        foreach (var row in @case.Quality)
        {
            writer.WriteStartObject();
            writer.WriteString("staffId", row.StaffId);
            writer.WriteString("indicator", row.Indicator);
            writer.WriteNumber("numerator", row.Numerator);
            writer.WriteNumber("denominator", row.Denominator);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("addedValue");
        foreach (var row in @case.AddedValue)
        {
            writer.WriteStartObject();
            writer.WriteString("staffId", row.StaffId);
            writer.WriteString("activity", row.Activity);
            writer.WriteNumber("count", row.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("duty");
        foreach (var row in @case.Duty)
        {
            writer.WriteStartObject();
            writer.WriteString("staffId", row.StaffId);
            writer.WriteString("shift", row.Shift);
            writer.WriteNumber("count", row.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Payer(Payer payer) => payer == Engine.Payer.Jkn ? "JKN" : "NON_JKN";

    private static void WriteRules(Utf8JsonWriter writer, Rules rules)
    {
        writer.WriteStartObject("rules");
        writer.WriteStartArray("services");
        foreach (var service in rules.Services)
        {
            writer.WriteStartObject();
            writer.WriteString("code", service.Code);
            writer.WriteString("name", service.Name);
            writer.WriteBoolean("visit", service.Visit);
            writer.WriteStartObject("rates");
            writer.WriteNumber("JKN", service.Rates.Jkn);
            writer.WriteNumber("NON_JKN", service.Rates.NonJkn);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("stratification");
        writer.WriteStartArray("criteria");
        foreach (var criterion in rules.Stratification.Criteria)
        {
            writer.WriteStartObject();
            writer.WriteString("code", criterion.Code);
            writer.WriteNumber("weight", criterion.Weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("stars");
        foreach (var star in rules.Stratification.Stars)
        {
            writer.WriteStartObject();
            writer.WriteNumber("star", star.Star);
            writer.WriteNumber("minScore", star.MinScore);
            writer.WriteNumber("jknShareMin", star.JknShareMin);
            Optional(writer, "incentiveMax", star.IncentiveMax);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("quality");
        writer.WriteStartArray("indicators");
        foreach (var indicator in rules.Quality.Indicators)
        {
            writer.WriteStartObject();
            writer.WriteString("code", indicator.Code);
            writer.WriteNumber("weight", indicator.Weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("factors");
        foreach (var factor in rules.Quality.Factors)
        {
            writer.WriteStartObject();
            writer.WriteNumber("minScore", factor.MinScore);
            writer.WriteNumber("factor", factor.Factor);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        if (rules.AddedValue is { } addedValue)
        {
            writer.WriteStartObject("addedValue");
            writer.WriteStartArray("activities");
            foreach (var activity in addedValue.Activities)
            {
                writer.WriteStartObject();
                writer.WriteString("code", activity.Code);
                writer.WriteNumber("rate", activity.Rate);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            Optional(writer, "monthlyCap", addedValue.MonthlyCap);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("duty");
        foreach (var duty in rules.Duty ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("code", duty.Code);
            writer.WriteNumber("rate", duty.Rate);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("points");
        Optional(writer, "pointValue", rules.Points.PointValue);
        Optional(writer, "pool", rules.Points.Pool);
        writer.WriteNumber("maxPerformance", rules.Points.MaxPerformance);
        writer.WriteEndObject();

        if (rules.Budget is { } budget)
        {
            writer.WriteStartObject("budget");
            Optional(writer, "personnelBudget", budget.PersonnelBudget);
            Optional(writer, "revenue", budget.Revenue);
            Optional(writer, "maxPersonnelRatio", budget.MaxPersonnelRatio);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteStaff(Utf8JsonWriter writer, Staff staff)
    {
        writer.WriteStartObject();
        writer.WriteString("id", staff.Id);
        writer.WriteString("name", staff.Name);
        writer.WriteString("category", staff.Category);
        writer.WriteNumber("salary", staff.Salary);
        writer.WriteNumber("allowances", staff.Allowances);
        Optional(writer, "maxRemuneration", staff.MaxRemuneration);
        Optional(writer, "incentiveMax", staff.IncentiveMax);
        if (staff.IsMedis)
        {
            if (staff.Stratification is { } stratification)
            {
                writer.WriteStartObject("stratification");
                writer.WriteBoolean("validated", stratification.Validated);
                writer.WriteStartObject("scores");
                foreach (var (criterion, score) in stratification.Scores)
                {
                    writer.WriteNumber(criterion, score);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            if (staff.Target is { } target)
            {
                writer.WriteStartObject("target");
                writer.WriteNumber("jkn", target.Jkn);
                writer.WriteNumber("nonJkn", target.NonJkn);
                writer.WriteEndObject();
            }

            writer.WriteBoolean("perikatan", staff.Perikatan);
        }
        else
        {
            writer.WriteNumber("points", staff.Points);
            writer.WriteNumber("performance", staff.Performance);
        }

        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
