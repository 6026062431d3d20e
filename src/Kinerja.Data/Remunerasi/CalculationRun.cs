using Kinerja.Data.Audit;

namespace Kinerja.Data.Remunerasi;

/// <summary>draft → verified → approved → paid (product.md §1); a superseded draft was replaced by a later version.</summary>
public enum RunStatus
{
    Draft,
    Verified,
    Approved,
    Paid,
    Superseded,
}

/// <summary>
/// A calculation of one hospital's period: a record, not scratch. It keeps its inputs (the canonical case JSON, in
/// <see cref="RunInput"/>), their fingerprint and the rule version, so it can be reproduced; an approved or paid run
/// is never edited (the context refuses): corrections are a new version.
/// </summary>
public class CalculationRun : IInstitutionOwned, IAudited, IWorkflowRun
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    /// <summary>YYYY-MM or YYYY-Qn.</summary>
    public required string Period { get; set; }

    /// <summary>1, 2, ... per hospital and period.</summary>
    public int Version { get; set; }

    public RunStatus Status { get; set; }

    public int RuleSetId { get; set; }

    public int RuleVersion { get; set; }

    /// <summary>SHA-256 (hex) of the canonical case JSON the run calculated.</summary>
    public required string InputFingerprint { get; set; }

    public int StaffCount { get; set; }

    public long ServiceLineCount { get; set; }

    public decimal FixedPay { get; set; }

    public decimal Incentive { get; set; }

    public decimal Duty { get; set; }

    public decimal Perikatan { get; set; }

    public decimal Withheld { get; set; }

    public decimal CapReduction { get; set; }

    public decimal Total { get; set; }

    public decimal? PersonnelRatio { get; set; }

    /// <summary>Hospital flags, space-separated (OVER_BUDGET, PERSONNEL_RATIO_EXCEEDED).</summary>
    public string Flags { get; set; } = "";

    /// <summary>Why this version exists (a correction's reason).</summary>
    public string? Note { get; set; }

    public required string CalculatedBy { get; set; }

    public DateTime CalculatedAt { get; set; }

    public string? VerifiedBy { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? PaidBy { get; set; }

    public DateTime? PaidAt { get; set; }

    public List<RunStaffResult> Results { get; set; } = [];

    /// <summary>Approved and paid runs are records: nothing of them changes but approved → paid.</summary>
    public bool IsFinal => Status is RunStatus.Approved or RunStatus.Paid;

    (string Indonesian, string English) IWorkflowRun.Name => ($"Perhitungan {Period} versi {Version}", $"Run {Period} version {Version}");
}

/// <summary>
/// The inputs and the exact result of a run, kept apart from <see cref="CalculationRun"/> so that the audit trail
/// of the run stays small.
/// </summary>
public class RunInput : IInstitutionOwned
{
    public int RunId { get; set; }

    public int InstitutionId { get; set; }

    /// <summary>The canonical case JSON (calculation.md §2), gzip-compressed: `kinerja calculate` on it gives <see cref="ResultJson"/>.</summary>
    public required byte[] CaseJsonGzip { get; set; }

    /// <summary>The result JSON of calculation.md §9, exactly as the engine wrote it.</summary>
    public required string ResultJson { get; set; }
}

/// <summary>One person's line of a run (calculation.md §9), in the order of the case.</summary>
public class RunStaffResult : IInstitutionOwned
{
    public long Id { get; set; }

    public int InstitutionId { get; set; }

    public int RunId { get; set; }

    public int Ordinal { get; set; }

    public required string StaffCode { get; set; }

    public required string Name { get; set; }

    public required string Category { get; set; }

    public string? Unit { get; set; }

    public decimal FixedPay { get; set; }

    public decimal? StratificationScore { get; set; }

    public int? Star { get; set; }

    public long? UnitsJkn { get; set; }

    public long? UnitsNonJkn { get; set; }

    public long? VisitsJkn { get; set; }

    public long? VisitsNonJkn { get; set; }

    public decimal? Achievement { get; set; }

    public decimal? JknShare { get; set; }

    public decimal? QualityScore { get; set; }

    public decimal? QualityFactor { get; set; }

    public decimal? BaseAmount { get; set; }

    public decimal? AddedValue { get; set; }

    public decimal? Points { get; set; }

    public decimal? Performance { get; set; }

    public decimal PerformanceIncentive { get; set; }

    public decimal? IncentiveMax { get; set; }

    public decimal Incentive { get; set; }

    public decimal Perikatan { get; set; }

    public decimal Withheld { get; set; }

    public decimal Duty { get; set; }

    public decimal CapReduction { get; set; }

    public decimal Total { get; set; }

    /// <summary>Space-separated flags of calculation.md §6 to §8.</summary>
    public string Flags { get; set; } = "";
}

/// <summary>
/// A bearer token with which a hospital's SIMRS pushes data to /api/v1/simrs. Only its SHA-256 is stored; the token
/// itself is shown once, when created.
/// </summary>
public class SimrsApiToken : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token, to recognise it in lists.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 (hex) of the token.</summary>
    public required string TokenHash { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTime? RevokedAt { get; set; }
}
