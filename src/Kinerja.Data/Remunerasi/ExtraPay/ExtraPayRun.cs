using Kinerja.Data.Audit;

namespace Kinerja.Data.Remunerasi.ExtraPay;

/// <summary>The kinds of pendapatan tambahan (seed 002): tunai (bonus, gaji ke-13, THR insentif) and non-tunai.</summary>
public enum ExtraPayKind
{
    /// <summary>Gaji ke-13: a multiple of the monthly fixed pay.</summary>
    Gaji13,

    /// <summary>THR insentif: a percentage of the average incentive of the last months, at most the cluster's ceiling.</summary>
    ThrInsentif,

    /// <summary>Annual bonus from the BLU surplus, shared by performance-weighted points.</summary>
    Bonus,

    /// <summary>Non-cash extra pay (education, training, ...): recorded, never paid.</summary>
    NonTunai,
}

/// <summary>
/// A run of extra pay for one hospital: a record like the monthly <see cref="CalculationRun"/>, with the same workflow
/// (draft → verified by someone else → approved by Direksi → paid) and the same rule: once approved, nothing of it
/// changes but approved → paid (<see cref="ExtraPayGuard"/>). The parameters it was calculated with are kept on it.
/// </summary>
public class ExtraPayRun : IInstitutionOwned, IAudited, IWorkflowRun
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public ExtraPayKind Kind { get; set; }

    /// <summary>The year it is paid for.</summary>
    public int Year { get; set; }

    public required string Title { get; set; }

    public RunStatus Status { get; set; }

    /// <summary>Gaji ke-13: the multiple of the monthly fixed pay (1 = one month).</summary>
    public decimal? Multiple { get; set; }

    /// <summary>THR: the fraction of the average incentive (1 = 100 %).</summary>
    public decimal? Percentage { get; set; }

    /// <summary>THR: how many of the latest approved or paid months the average looks back on.</summary>
    public int? LookbackMonths { get; set; }

    /// <summary>THR: the last month looked at (YYYY-MM).</summary>
    public string? UntilPeriod { get; set; }

    /// <summary>THR: the monthly runs the average was taken from, e.g. "2026-08 v1, 2026-09 v2".</summary>
    public string? SourceRuns { get; set; }

    /// <summary>THR: the hospital's KMK cluster and that cluster's ceiling per person, as used.</summary>
    public string? Cluster { get; set; }

    public decimal? Ceiling { get; set; }

    /// <summary>Bonus: the pool (Rupiah) shared.</summary>
    public decimal? Pool { get; set; }

    /// <summary>Bonus: the most performance that counts (calculation.md §7 maxPerformance).</summary>
    public decimal? MaxPerformance { get; set; }

    public int StaffCount { get; set; }

    /// <summary>The sum of the lines' amounts (for non-tunai: their value, not paid).</summary>
    public decimal Total { get; set; }

    public decimal CapReduction { get; set; }

    public string? Note { get; set; }

    public required string CalculatedBy { get; set; }

    public DateTime CalculatedAt { get; set; }

    public string? VerifiedBy { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? PaidBy { get; set; }

    public DateTime? PaidAt { get; set; }

    public List<ExtraPayLine> Lines { get; set; } = [];

    public bool IsFinal => Status is RunStatus.Approved or RunStatus.Paid;

    (string Indonesian, string English) IWorkflowRun.Name => ($"\"{Title}\"", $"\"{Title}\"");

    public bool IsCash => Kind != ExtraPayKind.NonTunai;
}

/// <summary>One person's extra pay in a run.</summary>
public class ExtraPayLine : IInstitutionOwned
{
    public long Id { get; set; }

    public int InstitutionId { get; set; }

    public int RunId { get; set; }

    public int Ordinal { get; set; }

    public required string StaffCode { get; set; }

    public required string Name { get; set; }

    public required string Category { get; set; }

    public string? Unit { get; set; }

    /// <summary>What the amount was computed from: monthly fixed pay, average incentive, or pool weight.</summary>
    public decimal Basis { get; set; }

    /// <summary>THR: the months the average was taken over.</summary>
    public int? Months { get; set; }

    /// <summary>Before the ceiling.</summary>
    public decimal Computed { get; set; }

    public decimal CapReduction { get; set; }

    public decimal Amount { get; set; }

    /// <summary>Non-tunai: what is given (e.g. "Pelatihan ATLS, Jakarta, 3 hari").</summary>
    public string? Description { get; set; }
}

/// <summary>
/// The ceiling of THR insentif per person for a KMK cluster of BLU hospitals: a rule parameter set by the Direksi, not a
/// constant (calculation.md: what the seed leaves to the hospital is a parameter).
/// </summary>
public class ExtraPayCeiling : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    /// <summary>The KMK cluster (A, B, ...), as <see cref="Institution.KmkCluster"/>.</summary>
    public required string Cluster { get; set; }

    public decimal ThrCeiling { get; set; }

    /// <summary>The decree it comes from.</summary>
    public string? Note { get; set; }
}
