using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Reports;

/// <summary>Sums of the result lines of a group of people (a KSM/unit, a category, a whole run).</summary>
public sealed record GroupTotals(string Name, int People, decimal FixedPay, decimal Incentive, decimal Duty, decimal Perikatan,
    decimal Withheld, decimal CapReduction, decimal Total)
{
    /// <summary>Sums in memory: SQLite keeps decimals as text (CONVENTIONS.md).</summary>
    public static GroupTotals Of(string name, IReadOnlyCollection<RunStaffResult> rows) => new(name, rows.Count,
        rows.Sum(r => r.FixedPay), rows.Sum(r => r.Incentive), rows.Sum(r => r.Duty), rows.Sum(r => r.Perikatan),
        rows.Sum(r => r.Withheld), rows.Sum(r => r.CapReduction), rows.Sum(r => r.Total));
}

/// <summary>A month of the year: its current run (if any) and its budget (if any).</summary>
public sealed record MonthRow(string Period, CalculationRun? Run, PeriodBudget? Budget)
{
    /// <summary>Share of the personnel budget used; null without a run or a budget.</summary>
    public decimal? BudgetUsed => Run is not null && Budget?.PersonnelBudget is > 0 ? Run.Total / Budget.PersonnelBudget.Value : null;
}

/// <summary>
/// Monthly monitoring for the Direksi (seed 002: "Monitoring dan evaluasi ini dilakukan oleh Direksi setiap bulan"):
/// the year's months with their current runs, and one month in detail.
/// </summary>
public sealed class MonitoringReport
{
    public int Year { get; private init; }

    public IReadOnlyList<MonthRow> Months { get; private init; } = [];

    public MonthRow? Selected { get; private init; }

    public IReadOnlyList<GroupTotals> ByUnit { get; private init; } = [];

    public IReadOnlyList<GroupTotals> ByCategory { get; private init; } = [];

    /// <summary>People whose pay the KMK ceiling cut, or whose fixed pay alone is above it.</summary>
    public IReadOnlyList<RunStaffResult> AtCeiling { get; private init; } = [];

    /// <summary>People with incentive above the range and no perikatan: recorded, not paid.</summary>
    public IReadOnlyList<RunStaffResult> Withheld { get; private init; } = [];

    public IReadOnlyList<KeyValuePair<string, int>> FlagCounts { get; private init; } = [];

    public static async Task<MonitoringReport> BuildAsync(KinerjaDb db, int institutionId, int year, string? period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var runs = await RunSelection.CurrentMonthsAsync(db, institutionId, year, cancellationToken);
        var prefix = $"{year:D4}-";
        var budgets = (await db.PeriodBudgets.AsNoTracking().Where(b => b.InstitutionId == institutionId && b.Period.StartsWith(prefix)).ToListAsync(cancellationToken))
            .ToDictionary(b => b.Period, StringComparer.Ordinal);
        var months = Enumerable.Range(1, 12).Select(m => $"{year:D4}-{m:D2}")
            .Select(p => new MonthRow(p, runs.FirstOrDefault(r => r.Period == p), budgets.GetValueOrDefault(p)))
            .ToList();
        var selected = months.FirstOrDefault(m => m.Period == period && m.Run is not null) ?? months.LastOrDefault(m => m.Run is not null);
        if (selected?.Run is null)
            return new MonitoringReport { Year = year, Months = months };

        var rows = await db.RunStaffResults.AsNoTracking().Where(r => r.RunId == selected.Run.Id).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken);
        static bool Has(RunStaffResult r, string flag) => r.Flags.Split(' ').Contains(flag);
        return new MonitoringReport
        {
            Year = year,
            Months = months,
            Selected = selected,
            ByUnit = rows.GroupBy(r => r.Unit ?? "–").Select(g => GroupTotals.Of(g.Key, g.ToList())).OrderByDescending(g => g.Total).ToList(),
            ByCategory = rows.GroupBy(r => r.Category).Select(g => GroupTotals.Of(g.Key, g.ToList())).OrderByDescending(g => g.Total).ToList(),
            AtCeiling = rows.Where(r => Has(r, Kinerja.Engine.Flags.RemunerationCap) || Has(r, Kinerja.Engine.Flags.FixedPayExceedsCap))
                .OrderByDescending(r => r.CapReduction).ToList(),
            Withheld = rows.Where(r => r.Withheld > 0).OrderByDescending(r => r.Withheld).ToList(),
            FlagCounts = rows.SelectMany(r => r.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(f => f).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList(),
        };
    }
}
