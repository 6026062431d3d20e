namespace Kinerja.Engine.Kontrak;

/// <summary>Calendar arithmetic of contracts: length, months in a year, cost.</summary>
public static class ContractMath
{
    /// <summary>
    /// Length in months, a started month counted whole: 1 Jan - 31 Dec is 12, 2 Jan - 1 Jan is 12,
    /// 1 Jan - 1 Jan of the next year is 13 (one day too long for a one-year limit).
    /// </summary>
    public static int LengthInMonths(DateOnly start, DateOnly end)
    {
        if (end < start)
            return 0;
        var after = end.AddDays(1);
        var months = (after.Year - start.Year) * 12 + after.Month - start.Month;
        if (start.AddMonths(months) > after)
            months--;
        return start.AddMonths(months) < after ? months + 1 : months;
    }

    /// <summary>Calendar months of <paramref name="year"/> the period touches (the honorarium is paid per month).</summary>
    public static int MonthsInYear(DateOnly start, DateOnly end, int year)
    {
        if (end < start || year < start.Year || year > end.Year)
            return 0;
        var first = start.Year == year ? start.Month : 1;
        var last = end.Year == year ? end.Month : 12;
        return last - first + 1;
    }

    /// <summary>Honorarium paid in a year: the monthly honorarium times the months touched.</summary>
    public static decimal CostInYear(decimal monthlyHonorarium, DateOnly start, DateOnly end, int year) =>
        monthlyHonorarium * MonthsInYear(start, end, year);

    /// <summary>The renewal period: from the day after the end, as long as the contract was, at most <paramref name="maxMonths"/>.</summary>
    public static (DateOnly Start, DateOnly End) RenewalPeriod(DateOnly start, DateOnly end, int maxMonths)
    {
        var months = Math.Clamp(LengthInMonths(start, end), 1, Math.Max(1, maxMonths));
        var newStart = end.AddDays(1);
        return (newStart, newStart.AddMonths(months).AddDays(-1));
    }

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);
}

/// <summary>One written target line of a month and what was verified against it.</summary>
public sealed record TargetLine(DateOnly Month, decimal Quantity, decimal? VerifiedQuantity, decimal? PnsQuantity = null);

/// <summary>A month's achievement: the mean of its lines' ratios, each capped at 100 %; unverified lines count as 0.</summary>
public sealed record MonthAchievement(DateOnly Month, int Lines, int Verified, decimal Ratio, decimal? PnsRatio);

/// <summary>The contract worker against a civil servant (PNS) on the same target lines: the mean ratio of each.</summary>
public sealed record PnsComparison(int Lines, decimal Contract, decimal Pns);

/// <summary>
/// Output-based achievement (Juknis BOK 2016 ketentuan 2: monthly written targets). Only what the
/// Kepala Puskesmas verified counts; surpassing one target does not make up for missing another.
/// </summary>
public static class Achievement
{
    public static decimal LineRatio(decimal target, decimal? achieved)
    {
        if (target <= 0)
            return achieved is null ? 0 : 1;
        return achieved is decimal a ? Math.Clamp(a / target, 0, 1) : 0;
    }

    public static IReadOnlyList<MonthAchievement> ByMonth(IEnumerable<TargetLine> lines) =>
        lines.GroupBy(l => ContractMath.MonthOf(l.Month))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var pns = g.Where(l => l.PnsQuantity is not null).ToList();
                return new MonthAchievement(
                    g.Key, g.Count(), g.Count(l => l.VerifiedQuantity is not null),
                    g.Average(l => LineRatio(l.Quantity, l.VerifiedQuantity)),
                    pns.Count == 0 ? null : pns.Average(l => LineRatio(l.Quantity, l.PnsQuantity)));
            })
            .ToList();

    /// <summary>
    /// The comparison practitioners make (seed 000) over verified lines: only those where the PNS figure is known
    /// count; null when none is.
    /// </summary>
    public static PnsComparison? AgainstPns(IEnumerable<TargetLine> verified)
    {
        var compared = verified.Where(l => l.PnsQuantity is not null).ToList();
        return compared.Count == 0 ? null : new PnsComparison(compared.Count,
            compared.Average(l => LineRatio(l.Quantity, l.VerifiedQuantity)), compared.Average(l => LineRatio(l.Quantity, l.PnsQuantity)));
    }

    /// <summary>Achievement over the contract: the mean of the months that have targets; null when none has.</summary>
    public static decimal? OverContract(IReadOnlyCollection<MonthAchievement> months) =>
        months.Count == 0 ? null : months.Average(m => m.Ratio);

    /// <summary>
    /// Achievement over the contract up to a month: targets written ahead for later months do not count
    /// until their month has come (the current month counts).
    /// </summary>
    public static decimal? OverContract(IEnumerable<MonthAchievement> months, DateOnly through) =>
        OverContract(months.Where(m => m.Month <= ContractMath.MonthOf(through)).ToList());
}
