using System.Globalization;

namespace Kinerja.Engine;

/// <summary>
/// The period of a case (calculation.md §1): a month <c>YYYY-MM</c> or a quarter <c>YYYY-Qn</c>.
/// <see cref="Months"/> is the n that monthly amounts are multiplied by.
/// </summary>
public readonly record struct Period
{
    private Period(int year, int firstMonth, int months)
    {
        Year = year;
        FirstMonth = firstMonth;
        Months = months;
    }

    public int Year { get; }

    public int FirstMonth { get; }

    /// <summary>1 for a month, 3 for a quarter.</summary>
    public int Months { get; }

    public bool IsQuarter => Months == 3;

    public DateOnly Start => new(Year, FirstMonth, 1);

    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    public static Period Month(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new Period(year, month, 1);
    }

    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new Period(year, ((quarter - 1) * 3) + 1, 3);
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Parses exactly <c>YYYY-MM</c> or <c>YYYY-Qn</c>; nothing else (no spaces, no lower-case q).</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null || text.Length is not 7 || text[4] != '-' || !IsDigits(text.AsSpan(0, 4)))
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return false;
        }

        if (text[5] == 'Q')
        {
            if (text[6] is < '1' or > '4')
            {
                return false;
            }

            period = Quarter(year, text[6] - '0');
            return true;
        }

        if (!IsDigits(text.AsSpan(5, 2)))
        {
            return false;
        }

        var month = int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        period = Month(year, month);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"Not a period (YYYY-MM or YYYY-Qn): '{text}'.");

    public override string ToString() =>
        IsQuarter
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{((FirstMonth - 1) / 3) + 1}")
            : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{FirstMonth:D2}");

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
