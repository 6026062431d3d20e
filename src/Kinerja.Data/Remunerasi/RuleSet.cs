using Kinerja.Data.Audit;

namespace Kinerja.Data.Remunerasi;

public enum RuleSetStatus
{
    /// <summary>Being prepared by the Tim Remunerasi; never used by a run (only by a simulation).</summary>
    Draft,

    /// <summary>Set by the Direktur Utama: in force from <see cref="RuleSet.EffectiveFrom"/>, and never edited again.</summary>
    Approved,
}

/// <summary>
/// One version of the hospital's rules (calculation.md §3): the service catalogue with its jasa pelayanan rates,
/// stratification, quality, added value, duty shifts and the non-medical points. A period is calculated with the
/// approved version with the latest <see cref="EffectiveFrom"/> on or before its first day (then the highest
/// <see cref="Version"/>), so a rate change is a new version and never rewrites a past month.
/// </summary>
public class RuleSet : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    /// <summary>1, 2, 3 ... per hospital: the "rule version" a run records.</summary>
    public int Version { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public RuleSetStatus Status { get; set; }

    /// <summary>The decree or the reason, e.g. "SK Direktur Utama No. HK.02.03/1234/2026".</summary>
    public string? Note { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAt { get; set; }

    /// <summary>Non-medical incentive: monthly Rupiah per point; exactly one of this and <see cref="PointsPool"/>.</summary>
    public decimal? PointValue { get; set; }

    /// <summary>Non-medical incentive pool, Rupiah for the period calculated.</summary>
    public decimal? PointsPool { get; set; }

    public decimal MaxPerformance { get; set; } = 1;

    /// <summary>The most added value one person can earn, monthly; null: no cap.</summary>
    public decimal? AddedValueMonthlyCap { get; set; }

    public List<ServiceRate> Services { get; set; } = [];

    public List<StratificationCriterion> Criteria { get; set; } = [];

    public List<StarLevel> Stars { get; set; } = [];

    public List<QualityIndicator> QualityIndicators { get; set; } = [];

    public List<QualityBand> QualityBands { get; set; } = [];

    public List<AddedValueActivity> Activities { get; set; } = [];

    public List<DutyShift> DutyShifts { get; set; } = [];
}

/// <summary>A row of a rule set; it changes only while its rule set is a draft.</summary>
public interface IRuleRow : IInstitutionOwned
{
    int RuleSetId { get; }
}

/// <summary>A service of the catalogue and its jasa pelayanan per unit per payer group.</summary>
public class ServiceRate : IRuleRow, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int RuleSetId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The unit is a patient visit that counts toward targets.</summary>
    public bool Visit { get; set; }

    public decimal RateJkn { get; set; }

    public decimal RateNonJkn { get; set; }

    public int Ordinal { get; set; }
}

public class StratificationCriterion : IRuleRow, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int RuleSetId { get; set; }

    public required string Code { get; set; }

    public string? Name { get; set; }

    public decimal Weight { get; set; }

    public int Ordinal { get; set; }
}

/// <summary>A star level: its least score, the least JKN share it must serve, and its monthly incentive range maximum.</summary>
public class StarLevel : IRuleRow, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int RuleSetId { get; set; }

    public int Star { get; set; }

    public decimal MinScore { get; set; }

    public decimal JknShareMin { get; set; }

    public decimal? IncentiveMax { get; set; }
}

public class QualityIndicator : IRuleRow, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int RuleSetId { get; set; }

    public required string Code { get; set; }

    public string? Name { get; set; }

    public decimal Weight { get; set; }

    public int Ordinal { get; set; }
}

/// <summary>A band from quality score to incentive factor.</summary>
public class QualityBand : IRuleRow, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int RuleSetId { get; set; }

    public decimal MinScore { get; set; }

    public decimal Factor { get; set; }
}

/// <summary>A nilai tambah activity (teaching PPDS, journal reading, ...) and its pay per activity.</summary>
public class AddedValueActivity : IRuleRow, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int RuleSetId { get; set; }

    public required string Code { get; set; }

    public string? Name { get; set; }

    public decimal Rate { get; set; }

    public int Ordinal { get; set; }
}

/// <summary>A duty shift (uang jaga) and its pay per shift: a Direktur Utama policy.</summary>
public class DutyShift : IRuleRow, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int RuleSetId { get; set; }

    public required string Code { get; set; }

    public string? Name { get; set; }

    public decimal Rate { get; set; }

    public int Ordinal { get; set; }
}

/// <summary>The hospital's budget for one period (calculation.md §3 <c>budget</c>): amounts for the period.</summary>
public class PeriodBudget : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    /// <summary>YYYY-MM or YYYY-Qn.</summary>
    public required string Period { get; set; }

    public decimal? PersonnelBudget { get; set; }

    public decimal? Revenue { get; set; }

    /// <summary>E.g. 0.45: personnel spending at most 45 % of revenue.</summary>
    public decimal? MaxPersonnelRatio { get; set; }
}
