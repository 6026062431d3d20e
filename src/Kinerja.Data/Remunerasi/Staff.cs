using Kinerja.Data.Audit;

namespace Kinerja.Data.Remunerasi;

/// <summary>Where a doctor's contribution data stands (seed 002: entered by the doctor, validated by management).</summary>
public enum StratificationStatus
{
    /// <summary>Being entered by the doctor; counts as not validated.</summary>
    Draft,

    /// <summary>Submitted to management for validation; counts as not validated.</summary>
    Submitted,

    /// <summary>Validated by management: the score sets the star (calculation.md §6.2).</summary>
    Validated,

    /// <summary>Returned to the doctor with a note; counts as not validated.</summary>
    Returned,
}

/// <summary>
/// A hospital employee as the remuneration sees them (calculation.md §4). <see cref="Code"/> is the engine's staff id
/// and the SIMRS's staff id; it is what service lines and a user's StaffCode name.
/// </summary>
public class Staff : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    /// <summary>Unique within the hospital: D0001, P0001, an NIP, ...</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>MEDIS, KEPERAWATAN, PENUNJANG, ADMINISTRASI, DIREKSI, KOMITE, DEWAN_PENGAWAS, ...</summary>
    public required string Category { get; set; }

    /// <summary>Jabatan, e.g. "Dokter Spesialis Penyakit Dalam", "Kepala Instalasi Farmasi".</summary>
    public string? Position { get; set; }

    /// <summary>Grade (kelas jabatan) of the job evaluation.</summary>
    public int? Grade { get; set; }

    /// <summary>KSM for medical staff, unit/instalasi for the others.</summary>
    public string? Unit { get; set; }

    /// <summary>The order of the case: results are listed in it and pool ties go to the earlier (calculation.md §7).</summary>
    public int Ordinal { get; set; }

    /// <summary>Gaji rupiah murni (APBN), monthly.</summary>
    public decimal SalaryRm { get; set; }

    /// <summary>Gaji BLU, monthly.</summary>
    public decimal SalaryBlu { get; set; }

    /// <summary>Tunjangan jabatan, monthly.</summary>
    public decimal PositionAllowance { get; set; }

    /// <summary>Other allowances (tunjangan lainnya), monthly.</summary>
    public decimal OtherAllowances { get; set; }

    /// <summary>The KMK ceiling of the position, monthly (fixed plus variable pay); none: no ceiling.</summary>
    public decimal? MaxRemuneration { get; set; }

    /// <summary>This person's own incentive range maximum, monthly; overrides the star's.</summary>
    public decimal? IncentiveMax { get; set; }

    /// <summary>Job value points (non-medical staff, up to 2 decimals).</summary>
    public decimal Points { get; set; }

    /// <summary>Individual performance achievement as a fraction (1 = 100 %), non-medical staff.</summary>
    public decimal Performance { get; set; } = 1;

    /// <summary>First day of employment; null: before any period the system knows.</summary>
    public DateOnly? StartDate { get; set; }

    /// <summary>Last day of employment; null: still employed. A run includes staff employed during the period.</summary>
    public DateOnly? EndDate { get; set; }

    public StratificationStatus StratificationStatus { get; set; }

    public string? StratificationNote { get; set; }

    public string? StratificationValidatedBy { get; set; }

    public DateTime? StratificationValidatedAt { get; set; }

    public List<StratificationScore> StratificationScores { get; set; } = [];

    public const string Medis = Kinerja.Engine.Staff.MedisCategory;

    public bool IsMedis => Category == Medis;

    public decimal Salary => SalaryRm + SalaryBlu;

    public decimal Allowances => PositionAllowance + OtherAllowances;

    public bool EmployedDuring(DateOnly start, DateOnly end) =>
        (StartDate is null || StartDate <= end) && (EndDate is null || EndDate >= start);
}

/// <summary>A doctor's score on one stratification criterion, with the contribution history behind it.</summary>
public class StratificationScore : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int StaffId { get; set; }

    public Staff? Staff { get; set; }

    /// <summary>A criterion code of the rule set (PENDIDIKAN, PENGALAMAN, KONTRIBUSI_EKSEKUTIF, KONTRIBUSI_SWASTA).</summary>
    public required string Criterion { get; set; }

    public decimal Score { get; set; }

    /// <summary>What the doctor entered (e.g. executive patients per month last year) to support the score.</summary>
    public string? Evidence { get; set; }
}

/// <summary>
/// The annual RBA targets of the hospital (seed 002: the 100 % target is cascaded from the RBA), cascaded to each KSM
/// by <see cref="KsmTarget"/> and to each doctor by <see cref="StaffTarget"/>.
/// </summary>
public class RbaTarget : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int Year { get; set; }

    public decimal JknVisits { get; set; }

    public decimal NonJknVisits { get; set; }

    public decimal Revenue { get; set; }
}

/// <summary>A KSM's share of the RBA visit targets for a year.</summary>
public class KsmTarget : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int Year { get; set; }

    public required string Ksm { get; set; }

    /// <summary>Fraction of the hospital's visits (0.12 = 12 %).</summary>
    public decimal Share { get; set; }
}

/// <summary>A doctor's monthly 100 % target of patient visits for a year (calculation.md §4 <c>target</c>).</summary>
public class StaffTarget : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public required string StaffCode { get; set; }

    public int Year { get; set; }

    public decimal MonthlyJkn { get; set; }

    public decimal MonthlyNonJkn { get; set; }
}

/// <summary>
/// An agreement between a doctor and the hospital's leadership for performance above the incentive range (seed 002:
/// "dilakukan perikatan"). A run pays the excess only to a doctor with an agreement in force during the period.
/// </summary>
public class PerikatanAgreement : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public required string StaffCode { get; set; }

    /// <summary>The agreement's number, e.g. "PK/012/RSUP-C/2026".</summary>
    public string? Number { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Last day in force; null: open-ended.</summary>
    public DateOnly? To { get; set; }

    /// <summary>What the doctor commits to above the range.</summary>
    public string? Scope { get; set; }

    /// <summary>Includes non-JKN patients as fee for service within working hours (seed 002).</summary>
    public bool NonJknFeeForService { get; set; }

    /// <summary>Who signed for the hospital (the Direktur Utama, usually).</summary>
    public string? SignedBy { get; set; }

    public DateOnly? SignedOn { get; set; }

    /// <summary>
    /// The Direksi's decision that the agreement binds the hospital (seed 002: an agreement with the hospital's
    /// leadership). Recorded by the Tim Remunerasi, counted by a run only once approved; an edit of its terms clears it.
    /// </summary>
    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public bool Approved => ApprovedAt is not null;

    public bool InForceDuring(DateOnly start, DateOnly end) => From <= end && (To is null || To >= start);
}
