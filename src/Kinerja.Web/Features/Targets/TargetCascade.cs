namespace Kinerja.Web.Features.Targets;

/// <summary>
/// The cascade of the RBA targets (seed 002: the 100 % target is cascaded from the hospital's annual targets and
/// revenue), in whole visits and whole Rupiah; revenue follows the same steps as visits. docs/decisions/0201-target-rounding.md says why it rounds the way it does:
/// the KSMs' annual targets are the RBA split by share with the largest-remainder method (they sum to the RBA exactly);
/// a KSM's monthly target is its annual target / 12 rounded UP (twelve months of it never fall short of the year);
/// the doctors split the KSM's monthly target equally, the visits left over going one each to the first doctors in
/// case order (the doctors' monthly targets sum to the KSM's monthly target exactly).
/// </summary>
public static class TargetCascade
{
    /// <summary>
    /// Splits <paramref name="total"/> in proportion to the weights, in whole units that sum to the total: each part
    /// gets the whole part of its quota, and the units left over go to the largest remainders (ties: the earlier part).
    /// </summary>
    public static long[] Apportion(long total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = weights.Sum();
        var result = new long[weights.Count];
        if (total <= 0 || sum <= 0)
            return result;
        var remainders = new decimal[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var quota = total * weights[i] / sum;
            result[i] = (long)decimal.Floor(quota);
            remainders[i] = quota - result[i];
        }

        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
            result[i]++;
        return result;
    }

    /// <summary>The monthly target of an annual one: annual / 12, rounded up to a whole visit (or Rupiah).</summary>
    public static long Monthly(long annual) => annual <= 0 ? 0 : (annual + 11) / 12;

    /// <summary>An equal split of a monthly target among <paramref name="doctors"/> doctors, summing to it exactly.</summary>
    public static long[] SplitEqually(long monthly, int doctors) =>
        doctors <= 0 ? [] : Apportion(monthly, Enumerable.Repeat(1m, doctors).ToList());
}
