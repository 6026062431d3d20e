namespace Kinerja.Engine;

// The result of calculation.md §9. Values are exact: ratios are NOT rounded here (they are rounded to 4 decimals
// only when shown, §1), money is whole Rupiah.

public sealed record CalculationResult(
    Period Period,
    IReadOnlyList<StaffResult> Staff,
    ResultTotals Totals,
    decimal? PersonnelRatio,
    IReadOnlyList<string> Flags)
{
    public int Months => Period.Months;
}

/// <summary>
/// One person's result. <see cref="Medis"/> is set for medical staff (§6), <see cref="NonMedis"/> for everyone
/// else (§7).
/// </summary>
public sealed record StaffResult(
    string Id,
    decimal FixedPay,
    MedisResult? Medis,
    NonMedisResult? NonMedis,
    decimal PerformanceIncentive,
    decimal? IncentiveMax,
    decimal Incentive,
    decimal Perikatan,
    decimal Withheld,
    decimal Duty,
    decimal CapReduction,
    decimal Total,
    IReadOnlyList<string> Flags);

public sealed record MedisResult(
    decimal StratificationScore,
    int Star,
    PayerCounts Units,
    PayerCounts Visits,
    decimal? Achievement,
    decimal? JknShare,
    decimal QualityScore,
    decimal QualityFactor,
    decimal BaseAmount,
    decimal AddedValue);

/// <summary><see cref="Performance"/> is the achievement actually used: min(performance, maxPerformance).</summary>
public sealed record NonMedisResult(decimal Points, decimal Performance);

public readonly record struct PayerCounts(long Jkn, long NonJkn)
{
    public long Total => Jkn + NonJkn;
}

public sealed record ResultTotals(
    decimal FixedPay,
    decimal Incentive,
    decimal Duty,
    decimal Perikatan,
    decimal Withheld,
    decimal CapReduction,
    decimal Total);

/// <summary>The flags of calculation.md §6 to §9, as they appear in the result.</summary>
public static class Flags
{
    public const string StratificationNotValidated = "STRATIFICATION_NOT_VALIDATED";
    public const string BelowTarget = "BELOW_TARGET";
    public const string JknShareBelowMin = "JKN_SHARE_BELOW_MIN";
    public const string NoJknService = "NO_JKN_SERVICE";
    public const string NoQualityData = "NO_QUALITY_DATA";
    public const string AboveRangePerikatan = "ABOVE_RANGE_PERIKATAN";
    public const string AboveRangeWithheld = "ABOVE_RANGE_WITHHELD";
    public const string RemunerationCap = "REMUNERATION_CAP";
    public const string FixedPayExceedsCap = "FIXED_PAY_EXCEEDS_CAP";
    public const string OverBudget = "OVER_BUDGET";
    public const string PersonnelRatioExceeded = "PERSONNEL_RATIO_EXCEEDED";
}
