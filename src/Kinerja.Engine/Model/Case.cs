namespace Kinerja.Engine;

// The case of calculation.md §2 to §4 as immutable records. Lists are read-only views; the engine never
// mutates them. Optional inputs are nullable; defaults are the ones the spec names.

/// <summary>One calculation case (calculation.md §2).</summary>
public sealed record Case(
    int Version,
    Period Period,
    Hospital? Hospital,
    Rules Rules,
    IReadOnlyList<Staff> Staff,
    IReadOnlyList<ServiceLine> Services,
    IReadOnlyList<QualityRow> Quality,
    IReadOnlyList<AddedValueRow> AddedValue,
    IReadOnlyList<DutyRow> Duty)
{
    /// <summary>The only case format this engine knows (calculation.md §5: an unknown version is rejected).</summary>
    public const int CurrentVersion = 1;
}

public sealed record Hospital(string Code, string Name, string? Cluster);

/// <summary>The hospital's rule parameters (calculation.md §3).</summary>
public sealed record Rules(
    IReadOnlyList<ServiceRule> Services,
    StratificationRules Stratification,
    QualityRules Quality,
    AddedValueRules? AddedValue,
    IReadOnlyList<DutyRule> Duty,
    PointsRules Points,
    BudgetRules? Budget);

/// <summary>Jasa pelayanan per unit of a service, per payer group; <c>Visit</c>: the unit is a patient visit.</summary>
public sealed record ServiceRule(string Code, string Name, bool Visit, PayerRates Rates);

public sealed record PayerRates(decimal Jkn, decimal NonJkn)
{
    public decimal For(Payer payer) => payer == Payer.Jkn ? Jkn : NonJkn;
}

public sealed record StratificationRules(IReadOnlyList<Criterion> Criteria, IReadOnlyList<StarLevel> Stars);

public sealed record Criterion(string Code, decimal Weight);

/// <summary>A star level; <c>IncentiveMax</c> is monthly (calculation.md §3).</summary>
public sealed record StarLevel(int Star, decimal MinScore, decimal JknShareMin, decimal? IncentiveMax);

public sealed record QualityRules(IReadOnlyList<QualityIndicator> Indicators, IReadOnlyList<QualityFactor> Factors);

public sealed record QualityIndicator(string Code, decimal Weight);

public sealed record QualityFactor(decimal MinScore, decimal Factor);

/// <summary>Nilai tambah activities; <c>MonthlyCap</c> is monthly and optional.</summary>
public sealed record AddedValueRules(IReadOnlyList<AddedValueActivity> Activities, decimal? MonthlyCap);

public sealed record AddedValueActivity(string Code, decimal Rate);

/// <summary>Uang jaga: pay per duty shift.</summary>
public sealed record DutyRule(string Code, decimal Rate);

/// <summary>
/// Non-medical incentive (calculation.md §3, §7): exactly one of <c>PointValue</c> (monthly Rupiah per point) or
/// <c>Pool</c> (Rupiah for the period).
/// </summary>
public sealed record PointsRules(decimal? PointValue, decimal? Pool, decimal MaxPerformance = 1);

/// <summary>Hospital budget, all for the period (calculation.md §3, §9).</summary>
public sealed record BudgetRules(decimal? PersonnelBudget, decimal? Revenue, decimal? MaxPersonnelRatio);

/// <summary>
/// A staff member (calculation.md §4). Medical staff (<see cref="Category"/> <c>MEDIS</c>) use
/// <see cref="Stratification"/>, <see cref="Target"/> and <see cref="Perikatan"/>; everyone else
/// <see cref="Points"/> and <see cref="Performance"/>.
/// </summary>
public sealed record Staff(string Id, string Name, string Category, decimal Salary, decimal Allowances)
{
    public const string MedisCategory = "MEDIS";

    /// <summary>Monthly KMK ceiling of fixed plus variable pay.</summary>
    public decimal? MaxRemuneration { get; init; }

    /// <summary>Monthly incentive range maximum; overrides the star's.</summary>
    public decimal? IncentiveMax { get; init; }

    public StaffStratification? Stratification { get; init; }

    public VisitTarget? Target { get; init; }

    public bool Perikatan { get; init; }

    public decimal Points { get; init; }

    public decimal Performance { get; init; } = 1;

    public bool IsMedis => Category == MedisCategory;
}

/// <summary>A doctor's stratification; a criterion without a score counts 0 (calculation.md §4).</summary>
public sealed record StaffStratification(bool Validated, IReadOnlyDictionary<string, decimal> Scores);

/// <summary>Monthly patient visits for the 100 % target.</summary>
public sealed record VisitTarget(decimal Jkn, decimal NonJkn);

public enum Payer
{
    Jkn,
    NonJkn,
}

/// <summary>One service line from the SIMRS.</summary>
public sealed record ServiceLine(string Id, DateOnly Date, string StaffId, string Service, Payer Payer, long Quantity, bool WorkingHours = true);

/// <summary>
/// Service lines already summed per staff member, service and payer. Everything §6 needs from the lines is such a
/// sum, so a streamed reader can hand the engine these instead of millions of lines.
/// </summary>
public readonly record struct ServiceTotal(string StaffId, string Service, Payer Payer, long Quantity);

public sealed record QualityRow(string StaffId, string Indicator, decimal Numerator, decimal Denominator);

public sealed record AddedValueRow(string StaffId, string Activity, long Count);

public sealed record DutyRow(string StaffId, string Shift, long Count);
