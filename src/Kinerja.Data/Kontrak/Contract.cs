using Kinerja.Data.Audit;
using Kinerja.Engine.Kontrak;

namespace Kinerja.Data.Kontrak;

public enum ContractStatus
{
    Draft,
    Active,
    Ended,
    Renewed,
    Terminated,
}

/// <summary>
/// An output-based contract issued by a Dinas Kesehatan (by SK Kepala Dinas) for work at one of its
/// puskesmas. Owned by the puskesmas (<see cref="InstitutionId"/>): its Dinas sees it through the
/// institution filter, its Kepala Puskesmas too, nobody else.
/// </summary>
public class Contract : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    /// <summary>The puskesmas where the work is done.</summary>
    public int InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    /// <summary>The Dinas Kesehatan that issues the contract.</summary>
    public int DinasId { get; set; }

    public int RuleSetId { get; set; }

    public ContractRuleSet? RuleSet { get; set; }

    public ContractStatus Status { get; set; }

    /// <summary>Number of the Surat Perjanjian Kerja.</summary>
    public string? Number { get; set; }

    /// <summary>The work, e.g. "Tenaga Promosi Kesehatan".</summary>
    public required string Position { get; set; }

    public ContractorKind ContractorKind { get; set; }

    /// <summary>The worker's name, the team's name, or the institution's name.</summary>
    public required string ContractorName { get; set; }

    public string? ContractorAddress { get; set; }

    /// <summary>The worker's (or the team coordinator's) qualification, checked against the rules.</summary>
    public EducationLevel? Education { get; set; }

    public bool HealthEducation { get; set; }

    public string? Major { get; set; }

    public string? Specialisation { get; set; }

    public int ExperienceMonths { get; set; }

    /// <summary>The worker's own account, who reports achievement (null for a contract without one).</summary>
    public string? WorkerUserId { get; set; }

    public int? ApplicantId { get; set; }

    public string? FundingSource { get; set; }

    public string? BudgetLine { get; set; }

    public string? SkNumber { get; set; }

    public DateOnly? SkDate { get; set; }

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    /// <summary>Whole Rupiah per month.</summary>
    public decimal MonthlyHonorarium { get; set; }

    public bool JknEnrolled { get; set; }

    /// <summary>The other benefits, equal to other puskesmas staff.</summary>
    public string? OtherBenefits { get; set; }

    public string? TerminationReason { get; set; }

    public DateOnly? TerminatedOn { get; set; }

    public int? RenewedFromId { get; set; }

    public int? RenewedToId { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<ContractTeamMember> Members { get; set; } = [];

    public List<MonthlyTarget> Targets { get; set; } = [];

    /// <summary>The last day the contract runs: its end, or the termination date.</summary>
    public DateOnly EffectiveEnd => Status == ContractStatus.Terminated && TerminatedOn is DateOnly t && t < End ? t : End;

    /// <summary>The status as people see it today: an active contract past its end has ended.</summary>
    public ContractStatus StatusOn(DateOnly today) => Status == ContractStatus.Active && End < today ? ContractStatus.Ended : Status;

    /// <summary>Whether the month (its first day) lies in the effective period, from the start's month to the effective end's.</summary>
    public bool Covers(DateOnly month) => ContractMath.MonthOf(Start) <= month && month <= ContractMath.MonthOf(EffectiveEnd);

    /// <summary>
    /// Whether the Kepala Puskesmas may write the month's targets: on a draft (so the agreement to be signed lists them),
    /// and on a contract that runs or ran (active, renewed, terminated) for its months up to its effective end. A renewal
    /// is activated before the old contract ends, so the status alone must not close the old contract's last months.
    /// </summary>
    public bool TargetsOpen(DateOnly month) =>
        (Status is ContractStatus.Draft or ContractStatus.Active or ContractStatus.Renewed or ContractStatus.Terminated) && Covers(month);

    /// <summary>
    /// Whether achievement of the month may be reported and verified: as <see cref="TargetsOpen"/>, but never on a draft,
    /// which has not started. A terminated contract's months before its termination stay open; the months after stay closed.
    /// </summary>
    public bool AchievementOpen(DateOnly month) => Status != ContractStatus.Draft && TargetsOpen(month);

    /// <summary>Counts towards budget and the one-per-puskesmas rule.</summary>
    public bool IsRunning => Status is ContractStatus.Active or ContractStatus.Ended or ContractStatus.Renewed or ContractStatus.Terminated;

    public Qualification? Qualification() => Education is EducationLevel e
        ? new Qualification(e, HealthEducation, Major ?? "", Specialisation, ExperienceMonths, [])
        : null;
}

/// <summary>A member of a team contract; civil servants (PNS) are recorded as such and warned about.</summary>
public class ContractTeamMember : IInstitutionOwned, IAudited
{
    public int Id { get; set; }

    public int ContractId { get; set; }

    public int InstitutionId { get; set; }

    public required string Name { get; set; }

    /// <summary>Profession, e.g. psikiater, perawat, psikolog.</summary>
    public string? Profession { get; set; }

    public bool IsPns { get; set; }

    /// <summary>NIP of a PNS member.</summary>
    public string? Nip { get; set; }
}
