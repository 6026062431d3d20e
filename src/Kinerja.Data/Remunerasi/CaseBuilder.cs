using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;
using EngineLine = Kinerja.Engine.ServiceLine;
using EngineStaff = Kinerja.Engine.Staff;

namespace Kinerja.Data.Remunerasi;

/// <summary>An engine case built from the database, with the rule set it used; or why it could not be built.</summary>
public sealed record BuiltCase(Case? Case, RuleSet? RuleSet, IReadOnlyList<string> Problems)
{
    public bool Ok => Case is not null;
}

/// <summary>
/// Builds the engine's <see cref="Case"/> for a hospital and period from the database: the rule set in force on the
/// period's first day, the staff employed during the period (in their case order), the period's service lines and
/// the quality, added-value and duty rows of the period (for a quarter, also those of its months).
/// Everything is read as rows and put together in memory: SQLite keeps decimals as text.
/// </summary>
public static class CaseBuilder
{
    public static async Task<BuiltCase> BuildAsync(KinerjaDb db, int institutionId, Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == institutionId, cancellationToken);
        if (institution is null)
            return new BuiltCase(null, null, ["Rumah sakit tidak ditemukan / hospital not found."]);

        var ruleSet = await RuleSetInForceAsync(db, institutionId, period.Start, cancellationToken);
        if (ruleSet is null)
            return new BuiltCase(null, null,
                [$"Belum ada aturan yang ditetapkan dan berlaku pada {period.Start:yyyy-MM-dd} / no approved rules in force on {period.Start:yyyy-MM-dd}."]);

        var start = period.Start;
        var end = period.End;
        var staff = (await db.Staff.AsNoTracking().Include(s => s.StratificationScores)
                .Where(s => s.InstitutionId == institutionId)
                .ToListAsync(cancellationToken))
            .Where(s => s.EmployedDuring(start, end))
            .OrderBy(s => s.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        var targets = (await db.StaffTargets.AsNoTracking()
                .Where(t => t.InstitutionId == institutionId && t.Year == period.Year)
                .ToListAsync(cancellationToken))
            .ToDictionary(t => t.StaffCode, StringComparer.Ordinal);
        var perikatan = (await db.PerikatanAgreements.AsNoTracking()
                .Where(p => p.InstitutionId == institutionId && p.ApprovedAt != null)
                .ToListAsync(cancellationToken))
            .Where(p => p.InForceDuring(start, end))
            .Select(p => p.StaffCode)
            .ToHashSet(StringComparer.Ordinal);

        var periodKeys = PeriodKeys(period);
        var lines = (await db.ServiceLines.AsNoTracking()
                .Where(l => l.InstitutionId == institutionId && l.Date >= start && l.Date <= end)
                .Select(l => new { l.LineId, l.Date, l.StaffCode, l.Service, l.Payer, l.Quantity, l.WorkingHours })
                .ToListAsync(cancellationToken))
            .OrderBy(l => l.LineId, StringComparer.Ordinal)
            .Select(l => new EngineLine(l.LineId, l.Date, l.StaffCode, l.Service, l.Payer, l.Quantity, l.WorkingHours))
            .ToList();
        var quality = (await db.QualityResults.AsNoTracking()
                .Where(q => q.InstitutionId == institutionId && periodKeys.Contains(q.Period))
                .ToListAsync(cancellationToken))
            .OrderBy(q => q.StaffCode, StringComparer.Ordinal).ThenBy(q => q.Indicator, StringComparer.Ordinal).ThenBy(q => q.Period, StringComparer.Ordinal)
            .Select(q => new QualityRow(q.StaffCode, q.Indicator, q.Numerator, q.Denominator))
            .ToList();
        var addedValue = (await db.AddedValueEntries.AsNoTracking()
                .Where(a => a.InstitutionId == institutionId && periodKeys.Contains(a.Period))
                .ToListAsync(cancellationToken))
            .OrderBy(a => a.StaffCode, StringComparer.Ordinal).ThenBy(a => a.Activity, StringComparer.Ordinal).ThenBy(a => a.Period, StringComparer.Ordinal)
            .Select(a => new AddedValueRow(a.StaffCode, a.Activity, a.Count))
            .ToList();
        var duty = (await db.DutyEntries.AsNoTracking()
                .Where(d => d.InstitutionId == institutionId && periodKeys.Contains(d.Period))
                .ToListAsync(cancellationToken))
            .OrderBy(d => d.StaffCode, StringComparer.Ordinal).ThenBy(d => d.Shift, StringComparer.Ordinal).ThenBy(d => d.Period, StringComparer.Ordinal)
            .Select(d => new DutyRow(d.StaffCode, d.Shift, d.Count))
            .ToList();
        var periodText = period.ToString();
        var budget = await db.PeriodBudgets.AsNoTracking()
            .FirstOrDefaultAsync(b => b.InstitutionId == institutionId && b.Period == periodText, cancellationToken);

        // A score for a criterion no longer in the rules is kept but does not count.
        var criteria = ruleSet.Criteria.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var @case = new Case(
            Case.CurrentVersion,
            period,
            new Hospital(institution.Code, institution.Name, institution.KmkCluster),
            ToRules(ruleSet, budget),
            staff.Select(s => ToEngine(s, targets.GetValueOrDefault(s.Code), perikatan.Contains(s.Code), criteria)).ToList(),
            lines,
            quality,
            addedValue,
            duty);
        return new BuiltCase(@case, ruleSet, []);
    }

    /// <summary>The approved rule set with the latest effective date on or before <paramref name="day"/> (then the highest version).</summary>
    public static async Task<RuleSet?> RuleSetInForceAsync(KinerjaDb db, int institutionId, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = (await db.RuleSets.AsNoTracking()
                .Where(r => r.InstitutionId == institutionId && r.Status == RuleSetStatus.Approved && r.EffectiveFrom <= day)
                .Select(r => new { r.Id, r.EffectiveFrom, r.Version })
                .ToListAsync(cancellationToken))
            .OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Version)
            .Select(r => (int?)r.Id)
            .FirstOrDefault();
        if (id is null)
            return null;
        return await db.RuleSets.AsNoTracking().AsSplitQuery()
            .Include(r => r.Services).Include(r => r.Criteria).Include(r => r.Stars)
            .Include(r => r.QualityIndicators).Include(r => r.QualityBands)
            .Include(r => r.Activities).Include(r => r.DutyShifts)
            .FirstAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>The period keys whose quality, added-value and duty rows belong to <paramref name="period"/>.</summary>
    public static List<string> PeriodKeys(Period period)
    {
        var keys = new List<string> { period.ToString() };
        if (period.IsQuarter)
        {
            for (var m = 0; m < period.Months; m++)
                keys.Add(Period.Month(period.Year, period.FirstMonth + m).ToString());
        }

        return keys;
    }

    public static Rules ToRules(RuleSet set, PeriodBudget? budget)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new Rules(
            set.Services.OrderBy(s => s.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => new ServiceRule(s.Code, s.Name, s.Visit, new PayerRates(s.RateJkn, s.RateNonJkn))).ToList(),
            new StratificationRules(
                set.Criteria.OrderBy(c => c.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => new Criterion(c.Code, c.Weight)).ToList(),
                set.Stars.OrderBy(s => s.Star).Select(s => new Kinerja.Engine.StarLevel(s.Star, s.MinScore, s.JknShareMin, s.IncentiveMax)).ToList()),
            new QualityRules(
                set.QualityIndicators.OrderBy(q => q.Ordinal).ThenBy(q => q.Code, StringComparer.Ordinal)
                    .Select(q => new Kinerja.Engine.QualityIndicator(q.Code, q.Weight)).ToList(),
                set.QualityBands.OrderBy(b => b.MinScore).Select(b => new QualityFactor(b.MinScore, b.Factor)).ToList()),
            set.Activities.Count == 0 && set.AddedValueMonthlyCap is null
                ? null
                : new AddedValueRules(
                    set.Activities.OrderBy(a => a.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal)
                        .Select(a => new Kinerja.Engine.AddedValueActivity(a.Code, a.Rate)).ToList(),
                    set.AddedValueMonthlyCap),
            set.DutyShifts.OrderBy(d => d.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal).Select(d => new DutyRule(d.Code, d.Rate)).ToList(),
            new PointsRules(set.PointValue, set.PointsPool, set.MaxPerformance),
            budget is null ? null : new BudgetRules(budget.PersonnelBudget, budget.Revenue, budget.MaxPersonnelRatio));
    }

    static EngineStaff ToEngine(Staff s, StaffTarget? target, bool perikatan, HashSet<string> criteria) =>
        s.IsMedis
            ? new EngineStaff(s.Code, s.Name, s.Category, s.Salary, s.Allowances)
            {
                MaxRemuneration = s.MaxRemuneration,
                IncentiveMax = s.IncentiveMax,
                Stratification = new StaffStratification(
                    s.StratificationStatus == StratificationStatus.Validated,
                    s.StratificationScores.Where(x => criteria.Contains(x.Criterion)).OrderBy(x => x.Criterion, StringComparer.Ordinal).ToDictionary(x => x.Criterion, x => x.Score, StringComparer.Ordinal)),
                Target = target is null ? null : new VisitTarget(target.MonthlyJkn, target.MonthlyNonJkn),
                Perikatan = perikatan,
            }
            : new EngineStaff(s.Code, s.Name, s.Category, s.Salary, s.Allowances)
            {
                MaxRemuneration = s.MaxRemuneration,
                IncentiveMax = s.IncentiveMax,
                Points = s.Points,
                Performance = s.Performance,
            };
}
