using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Stratification;

/// <summary>A doctor's stratification under a rule set: the weighted score, the star it reaches, and the star that counts.</summary>
public sealed record StratificationOutcome(decimal Score, StarLevel? Star, StarLevel? Counted, bool Validated);

/// <summary>
/// calculation.md §6.2, for showing before a run: score = Σ weight × score over the rule set's criteria (a missing
/// score counts 0); the star is the one with the greatest minScore ≤ score; until management validates the data
/// the star that counts is the one with minScore 0. The engine does the same in a run; this is the page's preview.
/// </summary>
public static class StratificationRules
{
    public static StratificationOutcome Evaluate(RuleSet rules, IReadOnlyDictionary<string, decimal> scores, bool validated)
    {
        var score = rules.Criteria.Sum(c => c.Weight * scores.GetValueOrDefault(c.Code));
        var stars = rules.Stars.OrderBy(s => s.MinScore).ToList();
        var reached = stars.LastOrDefault(s => s.MinScore <= score);
        var floor = stars.FirstOrDefault(s => s.MinScore == 0);
        return new StratificationOutcome(score, reached, validated ? reached : floor, validated);
    }

    /// <summary>The rule set in force today, else the latest approved one; null when none is approved yet.</summary>
    public static async Task<RuleSet?> CurrentAsync(KinerjaDb db, int institutionId, DateOnly today, CancellationToken cancellationToken)
    {
        var inForce = await CaseBuilder.RuleSetInForceAsync(db, institutionId, today, cancellationToken);
        if (inForce is not null)
            return inForce;
        var latest = (await db.RuleSets.AsNoTracking()
                .Where(r => r.InstitutionId == institutionId && r.Status == RuleSetStatus.Approved)
                .Select(r => new { r.Id, r.EffectiveFrom, r.Version })
                .ToListAsync(cancellationToken))
            .OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Version)
            .FirstOrDefault();
        return latest is null ? null : await CaseBuilder.RuleSetInForceAsync(db, institutionId, latest.EffectiveFrom, cancellationToken);
    }

    public static string StatusLabel(StratificationStatus status) => status switch
    {
        StratificationStatus.Draft => "Draf",
        StratificationStatus.Submitted => "Menunggu validasi",
        StratificationStatus.Validated => "Divalidasi",
        StratificationStatus.Returned => "Dikembalikan",
        _ => status.ToString(),
    };

    public static string StatusBadge(StratificationStatus status) => status switch
    {
        StratificationStatus.Validated => "good",
        StratificationStatus.Submitted => "warn",
        StratificationStatus.Returned => "bad",
        _ => "",
    };

    /// <summary>What a star means for the payer mix (seed 002): star 1 serves more JKN, star 2 equal, star 3 more non-JKN.</summary>
    public static string Proportion(StarLevel star) =>
        star.JknShareMin > 0.5m ? "lebih banyak pasien JKN daripada non-JKN"
        : star.JknShareMin == 0.5m ? "pasien JKN dan non-JKN sama banyak"
        : "pasien JKN lebih sedikit daripada non-JKN";
}
