using System.Diagnostics;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Kinerja.Engine.Json;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Simulation;

/// <summary>A star level as the director would set it (null: unchanged).</summary>
public sealed record StarChange(int Star, decimal? MinScore, decimal? JknShareMin, decimal? IncentiveMax);

/// <summary>
/// What the director changes: one service's rate (or all rates) by a percentage for one payer group or both, the
/// stratification weights, the star levels, and the point value of non-medical staff.
/// </summary>
public sealed record SimulationChanges
{
    /// <summary>A service code; "*" for every service; null: no rate change.</summary>
    public string? Service { get; init; }

    /// <summary>JKN, NON_JKN, or null for both.</summary>
    public Payer? Payer { get; init; }

    /// <summary>+10 raises by 10 %; −5 lowers by 5 %.</summary>
    public decimal RatePercent { get; init; }

    public IReadOnlyDictionary<string, decimal> CriterionWeights { get; init; } = new Dictionary<string, decimal>();

    public IReadOnlyList<StarChange> Stars { get; init; } = [];

    public decimal? PointValue { get; init; }

    /// <summary>The rules with these changes (rates stay whole Rupiah: ROUND of calculation.md §1).</summary>
    public Rules Apply(Rules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var factor = 1 + (RatePercent / 100);
        var services = rules.Services.Select(s => Service is null || RatePercent == 0 || (Service != "*" && s.Code != Service)
            ? s
            : s with
            {
                Rates = new PayerRates(
                    Payer is null or Kinerja.Engine.Payer.Jkn ? Money.Round(s.Rates.Jkn * factor) : s.Rates.Jkn,
                    Payer is null or Kinerja.Engine.Payer.NonJkn ? Money.Round(s.Rates.NonJkn * factor) : s.Rates.NonJkn),
            }).ToList();
        var criteria = rules.Stratification.Criteria.Select(c => CriterionWeights.TryGetValue(c.Code, out var w) ? c with { Weight = w } : c).ToList();
        var stars = rules.Stratification.Stars.Select(s => Stars.FirstOrDefault(x => x.Star == s.Star) is { } x
            ? s with { MinScore = x.MinScore ?? s.MinScore, JknShareMin = x.JknShareMin ?? s.JknShareMin, IncentiveMax = x.IncentiveMax ?? s.IncentiveMax }
            : s).ToList();
        var points = PointValue is { } value && rules.Points.PointValue is not null ? rules.Points with { PointValue = value } : rules.Points;
        return rules with { Services = services, Stratification = new StratificationRules(criteria, stars), Points = points };
    }

    /// <summary>Writes these changes into a draft copy of a rule set: the values <see cref="Apply"/> gives, by code.</summary>
    public void ApplyTo(RuleSet draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var rules = Apply(CaseBuilder.ToRules(draft, null));
        var rates = rules.Services.ToDictionary(s => s.Code, s => s.Rates, StringComparer.Ordinal);
        foreach (var s in draft.Services)
            (s.RateJkn, s.RateNonJkn) = (rates[s.Code].Jkn, rates[s.Code].NonJkn);
        var weights = rules.Stratification.Criteria.ToDictionary(c => c.Code, c => c.Weight, StringComparer.Ordinal);
        foreach (var c in draft.Criteria)
            c.Weight = weights[c.Code];
        var stars = rules.Stratification.Stars.ToDictionary(s => s.Star);
        foreach (var s in draft.Stars)
            (s.MinScore, s.JknShareMin, s.IncentiveMax) = (stars[s.Star].MinScore, stars[s.Star].JknShareMin, stars[s.Star].IncentiveMax);
        draft.PointValue = rules.Points.PointValue;
    }
}

/// <summary>One person before and after.</summary>
public sealed record SimulationRow(string Id, string Name, string Category, string? Unit, StaffResult Before, StaffResult After)
{
    public decimal Difference => After.Total - Before.Total;
}

/// <summary>
/// The base case of a simulation: a run's stored inputs (exactly what it calculated) or the database now, and the
/// rule set it was calculated with (the one a saved simulation is copied from).
/// </summary>
public sealed record SimulationBase(Case Case, IReadOnlyList<ServiceTotal>? ServiceTotals, CalculationRun? Run, int? RuleSetId)
{
    public CalculationResult Calculate(Case @case) =>
        ServiceTotals is null ? Calculator.Calculate(@case) : Calculator.Calculate(@case, ServiceTotals);
}

public sealed record SimulationResult(SimulationBase Base, CalculationResult Before, CalculationResult After, IReadOnlyList<SimulationRow> Rows, TimeSpan Elapsed);

/// <summary>
/// The simulation of product.md §1: the engine runs twice on the same period's case, with the rules in force and with
/// the changed rules. Nothing is written: no run, no rule, no audit entry.
/// </summary>
public static class Simulator
{
    /// <summary>The latest run of the period that is not superseded (its stored case); without one, the case built from the database now.</summary>
    public static async Task<(SimulationBase? Base, IReadOnlyList<string> Problems)> LoadAsync(KinerjaDb db, int institutionId, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = period.ToString();
        var run = (await db.CalculationRuns.AsNoTracking()
                .Where(r => r.InstitutionId == institutionId && r.Period == text && r.Status != RunStatus.Superseded)
                .ToListAsync(cancellationToken))
            .OrderByDescending(r => r.Version).FirstOrDefault();
        if (run is not null && await RunService.CaseJsonAsync(db, run.Id, cancellationToken) is { } json)
        {
            using var stream = new MemoryStream(json);
            var read = CaseJson.Read(stream);
            if (read.IsValid)
                return (new SimulationBase(read.Document!.Case, read.Document.ServiceTotals, run, run.RuleSetId), []);
        }

        var built = await CaseBuilder.BuildAsync(db, institutionId, period, cancellationToken);
        return built.Ok ? (new SimulationBase(built.Case!, null, null, built.RuleSet?.Id), []) : (null, built.Problems);
    }

    /// <summary>Calculates before and after. Throws <see cref="InvalidCaseException"/> when the changed rules are invalid (§5).</summary>
    public static SimulationResult Run(SimulationBase @base, SimulationChanges changes, IReadOnlyDictionary<string, string?> units)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(units);
        var clock = Stopwatch.StartNew();
        var before = @base.Calculate(@base.Case);
        var after = @base.Calculate(@base.Case with { Rules = changes.Apply(@base.Case.Rules) });
        clock.Stop();
        var staff = @base.Case.Staff;
        var rows = staff.Select((s, i) => new SimulationRow(s.Id, s.Name, s.Category, units.GetValueOrDefault(s.Id), before.Staff[i], after.Staff[i])).ToList();
        return new SimulationResult(@base, before, after, rows, clock.Elapsed);
    }
}
