using System.Numerics;

namespace Kinerja.Engine;

/// <summary>The one place money is rounded (calculation.md §1).</summary>
public static class Money
{
    /// <summary>ROUND of calculation.md §1: to a whole Rupiah, half away from zero.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);

    /// <summary>Ratios are shown to 4 decimals, half away from zero; decisions use the exact value.</summary>
    public static decimal RoundRatio(decimal ratio) => Math.Round(ratio, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Rounds toward negative infinity: the pool shares of calculation.md §7 are floored before the leftover
    /// Rupiah are handed out, so this is the only other rounding mode money goes through.
    /// </summary>
    public static decimal Floor(decimal amount) => Math.Floor(amount);

    /// <summary>True when <paramref name="amount"/> is a whole number of Rupiah (every money input is, §1).</summary>
    public static bool IsWhole(decimal amount) => amount == decimal.Truncate(amount);

    /// <summary>Number of decimals actually carried (2.50 counts as 1): for the "up to 2 decimals" rules of §1, §4.</summary>
    public static int Decimals(decimal value)
    {
        var normalized = value / 1.0000000000000000000000000000m;
        return normalized.Scale;
    }

    /// <summary>
    /// Splits <paramref name="pool"/> (whole Rupiah) in proportion to <paramref name="weights"/>, exactly
    /// (calculation.md §7): each share is floored, then the Rupiah left over go one each to the largest fractional
    /// remainders, compared exactly as fractions, ties to the earlier weight. All weights 0: everyone gets 0.
    /// </summary>
    public static decimal[] SharePool(decimal pool, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (pool < 0 || !IsWhole(pool))
        {
            throw new ArgumentOutOfRangeException(nameof(pool), pool, "The pool must be a non-negative whole amount.");
        }

        var shares = new decimal[weights.Count];

        // Scale every weight to an integer by the same power of ten: the shares pool·Wᵢ/ΣW are then ratios of
        // integers, and the remainders pool·Wᵢ mod ΣW share one denominator, so comparing them compares the
        // fractions exactly (a decimal quotient would be rounded at 28 digits).
        var scale = 0;
        foreach (var weight in weights)
        {
            if (weight < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, "Weights must not be negative.");
            }

            scale = Math.Max(scale, weight.Scale);
        }

        var scaled = new BigInteger[weights.Count];
        var sum = BigInteger.Zero;
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = Rational.ScaledInteger(weights[i], scale);
            sum += scaled[i];
        }

        if (sum.IsZero)
        {
            return shares;
        }

        var poolInteger = new BigInteger(pool);
        var remainders = new BigInteger[scaled.Length];
        var given = BigInteger.Zero;
        for (var i = 0; i < scaled.Length; i++)
        {
            var share = BigInteger.DivRem(poolInteger * scaled[i], sum, out remainders[i]);
            shares[i] = (decimal)share;
            given += share;
        }

        var leftover = (int)(poolInteger - given); // < number of weights, since each remainder is < 1 Rupiah
        if (leftover > 0)
        {
            var order = Enumerable.Range(0, scaled.Length)
                .OrderByDescending(i => remainders[i])
                .ThenBy(i => i);
            foreach (var i in order.Take(leftover))
            {
                shares[i] += 1;
            }
        }

        return shares;
    }
}
