namespace Kinerja.Engine;

// Extra pay (pendapatan tambahan, seed 002): paid irregularly beside the monthly fixed and variable pay. Tunai:
// gaji ke-13, THR insentif, bonus; non-tunai (training, ...) is recorded, never paid, so it needs no calculation.
// Pure like the Calculator: records in, records out; the hospital's choices are parameters, never constants.

/// <summary>A person's monthly fixed pay (gaji and tunjangan, calculation.md §4), the base of gaji ke-13.</summary>
public sealed record FixedPayInput(string Id, decimal Salary, decimal Allowances);

/// <summary>A person's incentive in each of the months the THR looks back on (only months they were paid in).</summary>
public sealed record ThrInput(string Id, IReadOnlyList<decimal> MonthlyIncentives);

/// <summary>A person's job value points and performance (calculation.md §4), the weight of the bonus pool.</summary>
public sealed record BonusInput(string Id, decimal Points, decimal Performance);

/// <summary>
/// One person's extra pay: <see cref="Basis"/> is what it was computed from (monthly fixed pay, average incentive, or
/// the pool weight), <see cref="Computed"/> the amount before the ceiling, <see cref="CapReduction"/> what the ceiling
/// took, <see cref="Amount"/> what is paid.
/// </summary>
public sealed record ExtraPayShare(string Id, decimal Basis, decimal Computed, decimal CapReduction, decimal Amount);

public static class ExtraPay
{
    /// <summary>
    /// Gaji ke-13: ROUND(multiple × (salary + allowances)) each. The multiple is the hospital's (1 = one month's
    /// fixed pay) and may carry decimals (e.g. 0.5 for a half month).
    /// </summary>
    public static IReadOnlyList<ExtraPayShare> ThirteenthSalary(IReadOnlyList<FixedPayInput> staff, decimal multiple)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentOutOfRangeException.ThrowIfNegative(multiple);
        return staff.Select(s =>
        {
            var basis = s.Salary + s.Allowances;
            var amount = Money.Round(basis * multiple);
            return new ExtraPayShare(s.Id, basis, amount, 0, amount);
        }).ToList();
    }

    /// <summary>
    /// THR insentif: ROUND(percentage × the average of the person's monthly incentives), then at most
    /// <paramref name="ceiling"/> (the KMK cluster's ceiling; null: none). The average is over the months the person
    /// was paid in (a newcomer is not penalised for months before they came); no month: 0.
    /// <paramref name="percentage"/> is a fraction: 1 = 100 % of the average.
    /// </summary>
    public static IReadOnlyList<ExtraPayShare> ThrInsentif(IReadOnlyList<ThrInput> staff, decimal percentage, decimal? ceiling)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentOutOfRangeException.ThrowIfNegative(percentage);
        if (ceiling is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ceiling), ceiling, "The ceiling must not be negative.");
        }

        return staff.Select(s =>
        {
            var months = s.MonthlyIncentives.Count;
            var sum = s.MonthlyIncentives.Sum();
            // Rounded once, at the end: ROUND(sum × percentage / months) keeps the exact average in between.
            var computed = months == 0 ? 0 : Money.Round(sum * percentage / months);
            var amount = ceiling is { } c ? Math.Min(computed, c) : computed;
            return new ExtraPayShare(s.Id, months == 0 ? 0 : Money.Round(sum / months), computed, computed - amount, amount);
        }).ToList();
    }

    /// <summary>
    /// Annual bonus: the pool (from the BLU surplus) shared by weight = points × min(performance, maxPerformance),
    /// exactly as the non-medical pool of calculation.md §7: floored shares, leftover Rupiah to the largest exact
    /// remainders, ties to the earlier person; the shares sum to the pool. All weights 0: everyone 0.
    /// </summary>
    public static IReadOnlyList<ExtraPayShare> Bonus(IReadOnlyList<BonusInput> staff, decimal pool, decimal maxPerformance = 1)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPerformance);
        var weights = staff.Select(s =>
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s.Points);
            ArgumentOutOfRangeException.ThrowIfNegative(s.Performance);
            return s.Points * Math.Min(s.Performance, maxPerformance);
        }).ToList();
        var shares = Money.SharePool(pool, weights);
        return staff.Select((s, i) => new ExtraPayShare(s.Id, weights[i], shares[i], 0, shares[i])).ToList();
    }
}
