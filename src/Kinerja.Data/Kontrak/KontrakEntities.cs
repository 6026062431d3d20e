using Kinerja.Data.Audit;
using Kinerja.Engine.Kontrak;

namespace Kinerja.Data.Kontrak;

/// <summary>
/// The rules of one programme as a Dinas keeps them (default: BOK promkes, Juknis 2016), with their source.
/// Owned by the Dinas.
/// </summary>
public class ContractRuleSet : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    /// <summary>The Dinas Kesehatan.</summary>
    public int InstitutionId { get; set; }

    /// <summary>E.g. "BOK Promkes".</summary>
    public required string Programme { get; set; }

    /// <summary>Default funding source of its contracts, e.g. "BOK".</summary>
    public string FundingSource { get; set; } = "BOK";

    public EducationLevel MinEducation { get; set; } = EducationLevel.D3;

    public bool RequireHealthEducation { get; set; } = true;

    public List<string> AllowedMajors { get; set; } = [];

    public List<string> PreferredMajors { get; set; } = [];

    public int MinExperienceMonths { get; set; } = 12;

    public int MaxLengthMonths { get; set; } = 12;

    /// <summary>Verified achievement over the contract needed for renewal, as a ratio (0.80 = 80 %).</summary>
    public decimal RenewalThreshold { get; set; } = 0.80m;

    public bool OnePerPuskesmas { get; set; } = true;

    public bool RequireJkn { get; set; } = true;

    public bool HonorariumAtLeastUmk { get; set; } = true;

    /// <summary>Where the rules come from, e.g. "Permenkes 82/2015, Juknis BOK 2016, Subbab IV".</summary>
    public required string Source { get; set; }

    public List<ContractCriterion> Criteria { get; set; } = [];

    public RuleSet ToRules() => new(MinEducation, RequireHealthEducation, AllowedMajors, PreferredMajors, MinExperienceMonths,
        MaxLengthMonths, RenewalThreshold, OnePerPuskesmas, RequireJkn, HonorariumAtLeastUmk, Source,
        Criteria.OrderBy(c => c.Id).Select(c => new ExtraCriterion(c.Id, c.Text, c.Required, c.Source)).ToList());
}

/// <summary>A recruitment criterion the Dinas adds to a rule set (e.g. by circular letter), with its source.</summary>
public class ContractCriterion : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int RuleSetId { get; set; }

    public int InstitutionId { get; set; }

    public required string Text { get; set; }

    /// <summary>Required criteria disqualify when unmet; the others rank applicants who meet them higher.</summary>
    public bool Required { get; set; }

    public required string Source { get; set; }
}

public enum ApplicantStatus
{
    New,
    Hired,
    Rejected,
}

/// <summary>An applicant for a contract position at a puskesmas, screened against the rule set.</summary>
public class Applicant : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    /// <summary>The puskesmas applied to.</summary>
    public int InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    public int RuleSetId { get; set; }

    public required string FullName { get; set; }

    public EducationLevel Education { get; set; }

    public bool HealthEducation { get; set; }

    public required string Major { get; set; }

    public string? Specialisation { get; set; }

    /// <summary>Where they studied, e.g. "Universitas Ahmad Dahlan".</summary>
    public string? School { get; set; }

    public int ExperienceMonths { get; set; }

    public string? ExperienceNote { get; set; }

    /// <summary>The Dinas criteria (<see cref="ContractCriterion"/> ids) the applicant meets.</summary>
    public List<int> MetCriterionIds { get; set; } = [];

    public DateOnly AppliedOn { get; set; }

    public ApplicantStatus Status { get; set; }

    public Qualification ToQualification() => new(Education, HealthEducation, Major, Specialisation, ExperienceMonths, MetCriterionIds);
}

/// <summary>A regional minimum wage (UMK) per kabupaten/kota and year, with its source; installation-wide reference data.</summary>
public class UmkRate : IAudited
{
    public int Id { get; set; }

    public required string Provinsi { get; set; }

    public required string KabupatenKota { get; set; }

    public int Year { get; set; }

    /// <summary>Whole Rupiah per month.</summary>
    public decimal Amount { get; set; }

    public required string Source { get; set; }
}

/// <summary>The BOK money for contract honoraria at one puskesmas in one year, as the Dinas records it.</summary>
public class BokAllocation : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    /// <summary>The puskesmas.</summary>
    public int InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    public int Year { get; set; }

    public decimal Amount { get; set; }

    public string? Note { get; set; }
}

public enum TargetStatus
{
    /// <summary>Written by the Kepala Puskesmas, nothing reported yet.</summary>
    Set,
    Reported,
    Verified,

    /// <summary>Sent back by the Kepala Puskesmas; the worker may report again.</summary>
    Returned,
}

/// <summary>
/// One line of a month's written targets (Juknis BOK 2016 ketentuan 2: set in writing by the Kepala
/// Puskesmas), the worker's report with evidence, and the Kepala Puskesmas's verification.
/// </summary>
public class MonthlyTarget : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int ContractId { get; set; }

    public Contract? Contract { get; set; }

    public int InstitutionId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public required string Activity { get; set; }

    /// <summary>E.g. "kegiatan", "desa", "orang".</summary>
    public required string Unit { get; set; }

    public decimal Quantity { get; set; }

    public TargetStatus Status { get; set; }

    public decimal? ReportedQuantity { get; set; }

    public string? ReportNote { get; set; }

    public string? EvidenceFileName { get; set; }

    /// <summary>File name under the data directory's uploads/kontrak; never under wwwroot.</summary>
    public string? EvidenceStoredName { get; set; }

    public string? EvidenceContentType { get; set; }

    public DateTime? ReportedAt { get; set; }

    public decimal? VerifiedQuantity { get; set; }

    public string? VerifierNote { get; set; }

    public string? VerifiedBy { get; set; }

    public DateTime? VerifiedAt { get; set; }

    /// <summary>What a civil servant (PNS) achieved on the same target, for the comparison practitioners make.</summary>
    public decimal? PnsQuantity { get; set; }

    public DateTime CreatedAt { get; set; }

    public TargetLine ToLine() => new(Month, Quantity, Status == TargetStatus.Verified ? VerifiedQuantity : null, PnsQuantity);
}
