using Kinerja.Engine.Kontrak;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Kontrak;

/// <summary>What the contract page shows: the rule check, achievement per month and over the contract, and the renewal recommendation.</summary>
public sealed record ContractProgress(
    IReadOnlyList<MonthAchievement> Months,
    DateOnly CountedThrough,
    decimal? Achievement,
    int Unverified,
    decimal Threshold,
    (DateOnly Start, DateOnly End) RenewalPeriod,
    IReadOnlyList<BudgetYear> RenewalBudget,
    IReadOnlyList<RuleViolation> RenewalViolations)
{
    public bool RenewalRecommended => RenewalViolations.Count == 0;
}

/// <summary>
/// The contract's life: draft → active → ended / renewed / terminated. Gathers the data the pure rules
/// (<see cref="ContractRules"/>) need and applies their verdict; the pages call these, tests too.
/// </summary>
public static class ContractWorkflow
{
    /// <summary>
    /// The contract's rule set. A Kepala Puskesmas cannot see the Dinas's rows through the filter;
    /// the contract is already visible to them, so its own rule set may be read deliberately.
    /// </summary>
    public static Task<ContractRuleSet> RuleSetOfAsync(this KinerjaDb db, Contract contract, CancellationToken ct = default) =>
        db.ContractRuleSets.IgnoreQueryFilters().Include(r => r.Criteria).SingleAsync(r => r.Id == contract.RuleSetId, ct);

    public static async Task<IReadOnlyList<Umk>> UmkTableAsync(this KinerjaDb db, string? kabupatenKota, CancellationToken ct = default)
    {
        var rows = await db.UmkRates.Where(u => u.KabupatenKota == kabupatenKota).ToListAsync(ct);
        return rows.Select(u => new Umk(u.KabupatenKota, u.Year, u.Amount, u.Source)).ToList();
    }

    /// <summary>
    /// The applicant the contract was drafted from, if any. Read past the institution filter like the rule set: the
    /// contract is visible to the reader and names it, even when the draft was moved to another puskesmas.
    /// </summary>
    static async Task<Applicant?> ApplicantOfAsync(this KinerjaDb db, Contract contract, CancellationToken ct) =>
        contract.ApplicantId is int id ? await db.Applicants.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id, ct) : null;

    /// <summary>
    /// Every rule the contract's terms must meet before activation (all violations at once). The Dinas's required
    /// criteria are checked against the record of the applicant the contract was drafted from (same rule set): unmet
    /// ones block. A contract drafted directly holds no such record, so each required criterion is a warning for the
    /// Dinas to confirm (<see cref="ContractRules.Check"/>).
    /// </summary>
    public static async Task<IReadOnlyList<RuleViolation>> CheckAsync(this KinerjaDb db, Contract contract, CancellationToken ct = default)
    {
        var ruleSet = await db.RuleSetOfAsync(contract, ct);
        var applicant = await db.ApplicantOfAsync(contract, ct);
        var puskesmas = await db.Institutions.IgnoreQueryFilters().SingleAsync(i => i.Id == contract.InstitutionId, ct);
        var members = contract.Id == 0 ? contract.Members
            : await db.ContractTeamMembers.Where(m => m.ContractId == contract.Id).ToListAsync(ct);
        // The one-per-puskesmas rule looks at every running contract of the programme there,
        // whoever may see it: the rule is about the puskesmas, not about the viewer.
        var others = await db.Contracts.IgnoreQueryFilters()
            .Where(c => c.InstitutionId == contract.InstitutionId && c.RuleSetId == contract.RuleSetId && c.Id != contract.Id
                        && (c.Status == ContractStatus.Active || c.Status == ContractStatus.Renewed || c.Status == ContractStatus.Terminated))
            .ToListAsync(ct);
        var running = others
            .Select(c => new OtherContract($"{c.ContractorName}, {c.Start:dd-MM-yyyy} s.d. {c.EffectiveEnd:dd-MM-yyyy}", c.Start, c.EffectiveEnd))
            .ToList();
        var terms = new ContractTerms(
            contract.ContractorKind, contract.Qualification(),
            members.Select(m => new TeamMember(m.Name, m.IsPns)).ToList(),
            contract.Start, contract.End, contract.MonthlyHonorarium, contract.JknEnrolled,
            contract.SkNumber, contract.SkDate, contract.FundingSource, contract.BudgetLine, puskesmas.KabupatenKota,
            applicant?.RuleSetId == contract.RuleSetId ? applicant.MetCriterionIds : null);
        return ContractRules.Check(ruleSet.ToRules(), terms, await db.UmkTableAsync(puskesmas.KabupatenKota, ct), running);
    }

    /// <summary>
    /// Activates a draft when no hard rule fails; returns the violations that refused it otherwise. In the same
    /// SaveChanges: the applicant it was drafted from becomes Hired (not before: a draft may still be dropped), and the
    /// contract it renews becomes Renewed, unless that one was terminated meanwhile, as its termination sets its end.
    /// </summary>
    public static async Task<IReadOnlyList<RuleViolation>> ActivateAsync(this KinerjaDb db, Contract contract, CancellationToken ct = default)
    {
        if (contract.Status != ContractStatus.Draft)
            throw new InvalidOperationException("Hanya draf yang dapat diaktifkan / only a draft can be activated.");
        var violations = await db.CheckAsync(contract, ct);
        if (violations.Any(v => v.Blocks))
            return violations;
        contract.Status = ContractStatus.Active;
        if (contract.RenewedFromId is int previousId
            && await db.Contracts.SingleOrDefaultAsync(c => c.Id == previousId, ct) is { } previous)
        {
            if (previous.Status == ContractStatus.Active)
                previous.Status = ContractStatus.Renewed;
            previous.RenewedToId = contract.Id;
        }
        if (await db.ApplicantOfAsync(contract, ct) is { } applicant)
            applicant.Status = ApplicantStatus.Hired;
        await db.SaveChangesAsync(ct);
        return violations;
    }

    public static async Task TerminateAsync(this KinerjaDb db, Contract contract, string reason, DateOnly on, CancellationToken ct = default)
    {
        if (contract.Status != ContractStatus.Active)
            throw new InvalidOperationException("Hanya kontrak aktif yang dapat diputus / only an active contract can be terminated.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("Alasan pemutusan wajib diisi / a reason is required.", nameof(reason));
        contract.Status = ContractStatus.Terminated;
        contract.TerminationReason = reason.Trim();
        contract.TerminatedOn = on < contract.Start ? contract.Start : on;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Honorarium committed at a puskesmas in a year by its running contracts, except one.</summary>
    public static async Task<decimal> CommittedAsync(this KinerjaDb db, int puskesmasId, int year, int exceptContractId, CancellationToken ct = default)
    {
        var contracts = await db.Contracts.IgnoreQueryFilters()
            .Where(c => c.InstitutionId == puskesmasId && c.Id != exceptContractId && c.Status != ContractStatus.Draft)
            .ToListAsync(ct);
        // Money is summed in memory: SQLite keeps decimals as text.
        return contracts.Sum(c => ContractMath.CostInYear(c.MonthlyHonorarium, c.Start, c.EffectiveEnd, year));
    }

    /// <summary>
    /// Achievement and the renewal recommendation. Only the months of the effective period count (<see cref="Contract.Covers"/>):
    /// targets written ahead for months after a termination were never worked, and can no longer be reported or verified.
    /// </summary>
    public static async Task<ContractProgress> ProgressAsync(this KinerjaDb db, Contract contract, CancellationToken ct = default)
    {
        var ruleSet = await db.RuleSetOfAsync(contract, ct);
        var targets = (await db.MonthlyTargets.Where(t => t.ContractId == contract.Id).ToListAsync(ct)).Where(t => contract.Covers(t.Month)).ToList();
        var months = Achievement.ByMonth(targets.Select(t => t.ToLine()));
        // Business "today" in Western Indonesian Time, as the pages use it.
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime.AddHours(7));
        var achievement = Achievement.OverContract(months, today);

        var period = ContractMath.RenewalPeriod(contract.Start, contract.End, ruleSet.MaxLengthMonths);
        var budget = new List<BudgetYear>();
        for (var year = period.Start.Year; year <= period.End.Year; year++)
        {
            var allocation = await db.BokAllocations.IgnoreQueryFilters()
                .Where(b => b.InstitutionId == contract.InstitutionId && b.Year == year).Select(b => (decimal?)b.Amount).SingleOrDefaultAsync(ct);
            var committed = await db.CommittedAsync(contract.InstitutionId, year, contract.Id, ct);
            budget.Add(new BudgetYear(year, allocation, committed, ContractMath.CostInYear(contract.MonthlyHonorarium, period.Start, period.End, year)));
        }
        var renewal = ContractRules.CheckRenewal(ruleSet.ToRules(), achievement, budget);
        return new ContractProgress(months, ContractMath.MonthOf(today), achievement, targets.Count(t => t.Status == TargetStatus.Reported), ruleSet.RenewalThreshold,
            period, budget, renewal);
    }

    /// <summary>
    /// Deletes a draft that was never activated, with its team members and targets (loaded, so each deletion is in
    /// the audit trail). A renewal draft leaves the contract it renews as it was. Anything but a draft is kept for good.
    /// </summary>
    public static async Task DeleteDraftAsync(this KinerjaDb db, Contract contract, CancellationToken ct = default)
    {
        if (contract.Status != ContractStatus.Draft)
            throw new InvalidOperationException("Hanya draf yang dapat dihapus / only a draft can be deleted.");
        db.ContractTeamMembers.RemoveRange(await db.ContractTeamMembers.Where(m => m.ContractId == contract.Id).ToListAsync(ct));
        db.MonthlyTargets.RemoveRange(await db.MonthlyTargets.Where(t => t.ContractId == contract.Id).ToListAsync(ct));
        db.Contracts.Remove(contract);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Renews an active (or ended) contract when the recommendation allows it: a new draft for the next period
    /// with the same terms, to be checked again (next year's UMK) and activated; the old one becomes Renewed then.
    /// </summary>
    public static async Task<(IReadOnlyList<RuleViolation> Violations, Contract? Draft)> RenewAsync(this KinerjaDb db, Contract contract, CancellationToken ct = default)
    {
        if (contract.Status != ContractStatus.Active)
            throw new InvalidOperationException("Hanya kontrak aktif atau yang baru berakhir yang dapat diperpanjang / only an active or ended contract can be renewed.");
        if (await db.Contracts.AnyAsync(c => c.RenewedFromId == contract.Id && c.Status == ContractStatus.Draft, ct))
            throw new InvalidOperationException("Draf perpanjangan sudah ada / a renewal draft exists already.");
        var progress = await db.ProgressAsync(contract, ct);
        if (!progress.RenewalRecommended)
            return (progress.RenewalViolations, null);
        var members = await db.ContractTeamMembers.Where(m => m.ContractId == contract.Id).ToListAsync(ct);
        var draft = new Contract
        {
            InstitutionId = contract.InstitutionId, DinasId = contract.DinasId, RuleSetId = contract.RuleSetId, Status = ContractStatus.Draft,
            Position = contract.Position, ContractorKind = contract.ContractorKind, ContractorName = contract.ContractorName,
            ContractorAddress = contract.ContractorAddress, Education = contract.Education, HealthEducation = contract.HealthEducation,
            Major = contract.Major, Specialisation = contract.Specialisation, ExperienceMonths = contract.ExperienceMonths + ContractMath.LengthInMonths(contract.Start, contract.End),
            WorkerUserId = contract.WorkerUserId, ApplicantId = contract.ApplicantId, FundingSource = contract.FundingSource, BudgetLine = contract.BudgetLine,
            Start = progress.RenewalPeriod.Start, End = progress.RenewalPeriod.End, MonthlyHonorarium = contract.MonthlyHonorarium,
            JknEnrolled = contract.JknEnrolled, OtherBenefits = contract.OtherBenefits, RenewedFromId = contract.Id,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            Members = members.Select(m => new ContractTeamMember { InstitutionId = m.InstitutionId, Name = m.Name, Profession = m.Profession, IsPns = m.IsPns, Nip = m.Nip }).ToList(),
        };
        db.Contracts.Add(draft);
        await db.SaveChangesAsync(ct);
        return ([], draft);
    }
}
