using Kinerja.Data.Remunerasi;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

public abstract partial class KinerjaDb
{
    public DbSet<Staff> Staff => Set<Staff>();

    public DbSet<StratificationScore> StratificationScores => Set<StratificationScore>();

    public DbSet<RbaTarget> RbaTargets => Set<RbaTarget>();

    public DbSet<KsmTarget> KsmTargets => Set<KsmTarget>();

    public DbSet<StaffTarget> StaffTargets => Set<StaffTarget>();

    public DbSet<PerikatanAgreement> PerikatanAgreements => Set<PerikatanAgreement>();

    public DbSet<RuleSet> RuleSets => Set<RuleSet>();

    public DbSet<ServiceRate> ServiceRates => Set<ServiceRate>();

    public DbSet<StratificationCriterion> StratificationCriteria => Set<StratificationCriterion>();

    public DbSet<StarLevel> StarLevels => Set<StarLevel>();

    public DbSet<QualityIndicator> QualityIndicators => Set<QualityIndicator>();

    public DbSet<QualityBand> QualityBands => Set<QualityBand>();

    public DbSet<AddedValueActivity> AddedValueActivities => Set<AddedValueActivity>();

    public DbSet<DutyShift> DutyShifts => Set<DutyShift>();

    public DbSet<PeriodBudget> PeriodBudgets => Set<PeriodBudget>();

    public DbSet<ServiceLine> ServiceLines => Set<ServiceLine>();

    public DbSet<QualityResult> QualityResults => Set<QualityResult>();

    public DbSet<AddedValueEntry> AddedValueEntries => Set<AddedValueEntry>();

    public DbSet<DutyEntry> DutyEntries => Set<DutyEntry>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<CalculationRun> CalculationRuns => Set<CalculationRun>();

    public DbSet<RunInput> RunInputs => Set<RunInput>();

    public DbSet<RunStaffResult> RunStaffResults => Set<RunStaffResult>();

    public DbSet<SimrsApiToken> SimrsApiTokens => Set<SimrsApiToken>();

    /// <summary>Called by SaveChangesAsync before anything is written: refuses changes to closed records.</summary>
    private Task GuardRemunerasiChangesAsync(CancellationToken cancellationToken) =>
        RemunerasiGuard.CheckAsync(this, cancellationToken);
}
