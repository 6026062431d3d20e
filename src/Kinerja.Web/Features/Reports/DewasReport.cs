using Kinerja.Data;
using Kinerja.Data.Audit;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.ExtraPay;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Reports;

/// <summary>The exceptions of one month's current run, as the Dewan Pengawas looks at them.</summary>
public sealed record RunExceptions(CalculationRun Run, int FlaggedPeople, int WithheldPeople, decimal Withheld, int CappedPeople,
    decimal CapReduction, int FixedPayAboveCeiling, IReadOnlyList<KeyValuePair<string, int>> Flags);

/// <summary>A KMK ceiling and how many people hold a position under it.</summary>
public sealed record CeilingRow(string Category, IReadOnlyList<string> Positions, decimal? Ceiling, int People);

/// <summary>
/// The Dewan Pengawas report (seed 002: "Dewan Pengawas melakukan pengawasan dan dilaporkan dalam Laporan Dewan
/// Pengawas"): who calculated, verified, approved and paid every run and when; the exceptions; the ceilings; and the
/// recent changes of rates and rules from the audit trail.
/// </summary>
public sealed class DewasReport
{
    /// <summary>The audited entities whose changes the Dewan Pengawas should see: rules, rates, budgets, ceilings, agreements.</summary>
    /// <summary>
    /// Of these, a new row matters on its own only for a rule version, a budget, an agreement or a ceiling; the rows
    /// added with a new rule version are that version (and the demo seed would otherwise fill the page).
    /// </summary>
    static readonly string[] AddedMatters = [nameof(RuleSet), nameof(PeriodBudget), nameof(PerikatanAgreement), nameof(ExtraPayCeiling)];

    public static readonly string[] RuleEntities =
    [
        nameof(RuleSet), nameof(ServiceRate), nameof(StratificationCriterion), nameof(Kinerja.Data.Remunerasi.StarLevel),
        nameof(Kinerja.Data.Remunerasi.QualityIndicator), nameof(QualityBand), nameof(Kinerja.Data.Remunerasi.AddedValueActivity),
        nameof(DutyShift), nameof(PeriodBudget), nameof(PerikatanAgreement), nameof(ExtraPayCeiling),
    ];

    public int Year { get; private init; }

    public IReadOnlyList<CalculationRun> Runs { get; private init; } = [];

    public IReadOnlyList<RunExceptions> Exceptions { get; private init; } = [];

    public IReadOnlyList<ExtraPayRun> ExtraPay { get; private init; } = [];

    public IReadOnlyList<CeilingRow> Ceilings { get; private init; } = [];

    public IReadOnlyList<ExtraPayCeiling> ThrCeilings { get; private init; } = [];

    public IReadOnlyList<AuditEntry> Audit { get; private init; } = [];

    public static async Task<DewasReport> BuildAsync(KinerjaDb db, int institutionId, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = $"{year:D4}-";
        var runs = (await db.CalculationRuns.AsNoTracking().Where(r => r.InstitutionId == institutionId && r.Period.StartsWith(prefix)).ToListAsync(cancellationToken))
            .OrderBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Version).ToList();
        var current = await RunSelection.CurrentMonthsAsync(db, institutionId, year, cancellationToken);
        var ids = current.Select(r => r.Id).ToList();
        var rows = (await db.RunStaffResults.AsNoTracking().Where(r => ids.Contains(r.RunId))
                .Select(r => new { r.RunId, r.Flags, r.Withheld, r.CapReduction }).ToListAsync(cancellationToken))
            .ToLookup(r => r.RunId);
        var exceptions = current.Select(run =>
        {
            var lines = rows[run.Id].ToList();
            var flags = lines.Select(l => l.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            return new RunExceptions(run,
                flags.Count(f => f.Length > 0),
                lines.Count(l => l.Withheld > 0), lines.Sum(l => l.Withheld),
                lines.Count(l => l.CapReduction > 0), lines.Sum(l => l.CapReduction),
                flags.Count(f => f.Contains(Kinerja.Engine.Flags.FixedPayExceedsCap)),
                flags.SelectMany(f => f).GroupBy(f => f).Select(g => KeyValuePair.Create(g.Key, g.Count()))
                    .OrderByDescending(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal).ToList());
        }).ToList();

        var extra = (await db.ExtraPayRuns.AsNoTracking().Where(r => r.InstitutionId == institutionId && r.Year == year).ToListAsync(cancellationToken))
            .OrderBy(r => r.CalculatedAt).ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId)
            .Select(s => new { s.Category, s.Position, s.MaxRemuneration, s.EndDate }).ToListAsync(cancellationToken);
        var ceilings = staff.Where(s => s.EndDate is null || s.EndDate.Value.Year >= year)
            .GroupBy(s => (s.Category, s.MaxRemuneration))
            .Select(g => new CeilingRow(g.Key.Category, g.Select(s => s.Position ?? "–").Distinct().Order(StringComparer.Ordinal).ToList(), g.Key.MaxRemuneration, g.Count()))
            .OrderByDescending(c => c.Ceiling ?? 0).ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var thr = await db.ExtraPayCeilings.AsNoTracking().Where(c => c.InstitutionId == institutionId).OrderBy(c => c.Cluster).ToListAsync(cancellationToken);

        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-7);
        var to = from.AddYears(1);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.InstitutionId == institutionId && RuleEntities.Contains(a.Entity) && a.At >= from && a.At < to
                && (a.Action != "Added" || AddedMatters.Contains(a.Entity)))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);

        return new DewasReport
        {
            Year = year, Runs = runs, Exceptions = exceptions, ExtraPay = extra, Ceilings = ceilings, ThrCeilings = thr, Audit = audit,
        };
    }
}
