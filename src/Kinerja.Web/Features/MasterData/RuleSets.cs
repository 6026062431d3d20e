using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;
using StarLevel = Kinerja.Data.Remunerasi.StarLevel;
using QualityIndicator = Kinerja.Data.Remunerasi.QualityIndicator;
using AddedValueActivity = Kinerja.Data.Remunerasi.AddedValueActivity;

namespace Kinerja.Web.Features.MasterData;

/// <summary>Where a rule set stands, as people say it.</summary>
public enum RuleSetStage
{
    Draft,
    Submitted,
    Approved,
}

/// <summary>One changed value between two rule sets.</summary>
public sealed record RuleChange(string Section, string Item, string Field, string Before, string After);

/// <summary>The rule-set work of the pages: loading, copying, checking, comparing and "which version for which month".</summary>
public static class RuleSets
{
    public static IQueryable<RuleSet> Full(KinerjaDb db) => db.RuleSets.AsSplitQuery()
        .Include(r => r.Services).Include(r => r.Criteria).Include(r => r.Stars)
        .Include(r => r.QualityIndicators).Include(r => r.QualityBands)
        .Include(r => r.Activities).Include(r => r.DutyShifts);

    public static RuleSetStage Stage(RuleSet set, RuleSetProposal? proposal) =>
        set.Status == RuleSetStatus.Approved ? RuleSetStage.Approved
        : proposal?.Submitted == true ? RuleSetStage.Submitted
        : RuleSetStage.Draft;

    public static string StageLabel(RuleSetStage stage) => stage switch
    {
        RuleSetStage.Approved => "Ditetapkan",
        RuleSetStage.Submitted => "Diajukan ke Direksi",
        _ => "Draf",
    };

    public static string StageBadge(RuleSetStage stage) => stage switch
    {
        RuleSetStage.Approved => "good",
        RuleSetStage.Submitted => "warn",
        _ => "",
    };

    /// <summary>A draft copy of <paramref name="source"/> (every list and value), numbered after the hospital's last version.</summary>
    public static RuleSet Copy(RuleSet source, int version, DateOnly effectiveFrom, string? note) => new()
    {
        InstitutionId = source.InstitutionId,
        Version = version,
        EffectiveFrom = effectiveFrom,
        Status = RuleSetStatus.Draft,
        Note = note,
        PointValue = source.PointValue,
        PointsPool = source.PointsPool,
        MaxPerformance = source.MaxPerformance,
        AddedValueMonthlyCap = source.AddedValueMonthlyCap,
        Services = source.Services.Select(s => new ServiceRate
        {
            InstitutionId = s.InstitutionId, Code = s.Code, Name = s.Name, Visit = s.Visit, RateJkn = s.RateJkn, RateNonJkn = s.RateNonJkn, Ordinal = s.Ordinal,
        }).ToList(),
        Criteria = source.Criteria.Select(c => new StratificationCriterion
        {
            InstitutionId = c.InstitutionId, Code = c.Code, Name = c.Name, Weight = c.Weight, Ordinal = c.Ordinal,
        }).ToList(),
        Stars = source.Stars.Select(s => new StarLevel
        {
            InstitutionId = s.InstitutionId, Star = s.Star, MinScore = s.MinScore, JknShareMin = s.JknShareMin, IncentiveMax = s.IncentiveMax,
        }).ToList(),
        QualityIndicators = source.QualityIndicators.Select(q => new QualityIndicator
        {
            InstitutionId = q.InstitutionId, Code = q.Code, Name = q.Name, Weight = q.Weight, Ordinal = q.Ordinal,
        }).ToList(),
        QualityBands = source.QualityBands.Select(b => new QualityBand { InstitutionId = b.InstitutionId, MinScore = b.MinScore, Factor = b.Factor }).ToList(),
        Activities = source.Activities.Select(a => new AddedValueActivity
        {
            InstitutionId = a.InstitutionId, Code = a.Code, Name = a.Name, Rate = a.Rate, Ordinal = a.Ordinal,
        }).ToList(),
        DutyShifts = source.DutyShifts.Select(d => new DutyShift
        {
            InstitutionId = d.InstitutionId, Code = d.Code, Name = d.Name, Rate = d.Rate, Ordinal = d.Ordinal,
        }).ToList(),
    };

    /// <summary>
    /// Saves <paramref name="draft"/> (copied from <paramref name="source"/>, numbered after the hospital's last version)
    /// with its proposal, which needs the draft's id: both or neither.
    /// </summary>
    public static async Task SaveDraftAsync(KinerjaDb db, RuleSet source, RuleSet draft, string proposedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RuleSets.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        db.RuleSetProposals.Add(new RuleSetProposal
        {
            InstitutionId = draft.InstitutionId, RuleSetId = draft.Id, BasedOnVersion = source.Version,
            ProposedBy = proposedBy, ProposedAt = db.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The number the next version of the hospital's rules takes.</summary>
    public static async Task<int> NextVersionAsync(KinerjaDb db, int institutionId, CancellationToken cancellationToken) =>
        (await db.RuleSets.Where(r => r.InstitutionId == institutionId).Select(r => (int?)r.Version).MaxAsync(cancellationToken) ?? 0) + 1;

    /// <summary>
    /// The engine's own checks of the rules (calculation.md §5), run on a case that holds only these rules: what the
    /// Direksi approves must be a set a run can calculate with.
    /// </summary>
    public static IReadOnlyList<CaseError> Check(RuleSet set) =>
        CaseValidator.Validate(new Case(
            Case.CurrentVersion,
            Period.Month(set.EffectiveFrom.Year, set.EffectiveFrom.Month),
            null,
            CaseBuilder.ToRules(set, null),
            [], [], [], [], []));

    /// <summary>
    /// The first approved or paid run of a period ending on or after <paramref name="effectiveFrom"/>: a new version from
    /// that day would change the rules of a month already decided (product.md §1: never rewrite history).
    /// </summary>
    public static async Task<string?> DecidedPeriodFromAsync(KinerjaDb db, int institutionId, DateOnly effectiveFrom, CancellationToken cancellationToken)
    {
        var periods = await db.CalculationRuns.AsNoTracking()
            .Where(r => r.InstitutionId == institutionId && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
            .Select(r => r.Period)
            .Distinct()
            .ToListAsync(cancellationToken);
        return periods
            .Select(p => Period.TryParse(p, out var period) ? period : (Period?)null)
            .Where(p => p is { } period && period.End >= effectiveFrom)
            .OrderBy(p => p!.Value.Start)
            .Select(p => p!.Value.ToString())
            .FirstOrDefault();
    }

    /// <summary>The approved version in force on <paramref name="day"/>: the latest effective date on or before it, then the highest version.</summary>
    public static RuleSet? InForce(IEnumerable<RuleSet> sets, DateOnly day) => sets
        .Where(r => r.Status == RuleSetStatus.Approved && r.EffectiveFrom <= day)
        .OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Version)
        .FirstOrDefault();

    /// <summary>Every value that differs between <paramref name="before"/> and <paramref name="after"/>, section by section.</summary>
    public static List<RuleChange> Diff(RuleSet before, RuleSet after, Func<string, string> say)
    {
        var changes = new List<RuleChange>();
        var general = say("Umum");
        void Value(string field, string? a, string? b)
        {
            if (a != b)
                changes.Add(new RuleChange(general, "", say(field), a ?? "–", b ?? "–"));
        }

        Value("Berlaku mulai", Infrastructure.Format.Date(before.EffectiveFrom), Infrastructure.Format.Date(after.EffectiveFrom));
        Value("Nilai per poin (Rp/bulan)", Points(before.PointValue), Points(after.PointValue));
        Value("Pool insentif non-medis (Rp)", Money(before.PointsPool), Money(after.PointsPool));
        Value("Capaian kinerja maksimal", FormReader.Show(before.MaxPerformance), FormReader.Show(after.MaxPerformance));
        Value("Batas nilai tambah per bulan", Money(before.AddedValueMonthlyCap), Money(after.AddedValueMonthlyCap));

        foreach (var section in RuleSections.All)
        {
            var title = say(section.Title);
            var key = section.KeyColumn;
            var old = RuleSections.Rows(before, section).ToDictionary(r => r.Get(key.Field) ?? "", StringComparer.Ordinal);
            var @new = RuleSections.Rows(after, section).ToDictionary(r => r.Get(key.Field) ?? "", StringComparer.Ordinal);
            foreach (var (name, row) in @new)
            {
                var item = RuleSections.Display(key, name);
                if (!old.TryGetValue(name, out var was))
                {
                    changes.Add(new RuleChange(title, item, say("baru"), "–", Describe(section, row, say)));
                    continue;
                }

                foreach (var column in section.Columns.Skip(1))
                {
                    var a = RuleSections.Display(column, was.Get(column.Field));
                    var b = RuleSections.Display(column, row.Get(column.Field));
                    if (a != b)
                        changes.Add(new RuleChange(title, item, say(column.Label), a, b));
                }
            }

            foreach (var (name, row) in old.Where(o => !@new.ContainsKey(o.Key)))
                changes.Add(new RuleChange(title, RuleSections.Display(key, name), say("dihapus"), Describe(section, row, say), "–"));
        }

        return changes;
    }

    static string Describe(RuleSection section, RuleRowInput row, Func<string, string> say) =>
        string.Join("; ", section.Columns.Skip(1).Select(c => $"{say(c.Label)} {RuleSections.Display(c, row.Get(c.Field))}"));

    // The point value may have cents (calculation.md §3: up to 2 decimals), so it is not rounded like Rupiah.
    static string? Points(decimal? value) => value is decimal v ? "Rp " + FormReader.Show(v) : null;

    static string? Money(decimal? value) => value is decimal v ? Infrastructure.Format.Rupiah(v) : null;

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentUICulture);
}
