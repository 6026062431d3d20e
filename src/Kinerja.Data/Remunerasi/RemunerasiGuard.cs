using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kinerja.Data.Remunerasi;

/// <summary>A change refused because it would rewrite a record (an approved or paid run, a closed period, approved rules).</summary>
public sealed class ClosedRecordException : InvalidOperationException
{
    public ClosedRecordException()
    {
        English = "";
    }

    public ClosedRecordException(string message)
        : base(message)
    {
        English = message;
    }

    public ClosedRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
        English = message;
    }

    public ClosedRecordException(string indonesian, string english)
        : base(indonesian)
    {
        English = english;
    }

    /// <summary>The same refusal in English (<see cref="Exception.Message"/> is Indonesian).</summary>
    public string English { get; }
}

/// <summary>
/// Runs are records, not scratch (product.md §1): enforced here, in the data layer, so that no page, import or
/// command can get around it. An approved run changes only to paid; a paid run never; the data of a paid period
/// never; the budget of a period whose run is approved or paid never (the run's ratio and budget flags were decided
/// on it); an approved rule set never (a rate change is a new version).
/// </summary>
static class RemunerasiGuard
{
    public static async Task CheckAsync(KinerjaDb db, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (entries.Count == 0)
            return;

        foreach (var entry in entries)
        {
            if (entry.Entity is CalculationRun run)
                CheckRun(entry, run);
        }

        await CheckRunPartsAsync(db, entries, cancellationToken);
        await CheckRulesAsync(db, entries, cancellationToken);
        await CheckPeriodRowsAsync(db, entries, cancellationToken);
        await CheckBudgetsAsync(db, entries, cancellationToken);
    }

    static void CheckRun(EntityEntry entry, CalculationRun run)
    {
        if (entry.State == EntityState.Added)
            return;
        var was = (RunStatus)entry.Property(nameof(CalculationRun.Status)).OriginalValue!;
        var label = $"{run.Period} versi {run.Version}";
        if (was == RunStatus.Paid)
            throw new ClosedRecordException(
                $"Perhitungan {label} sudah dibayar dan tidak dapat diubah. Koreksi dilakukan dengan versi baru atau penyesuaian di bulan berikutnya.",
                $"Run {run.Period} version {run.Version} is paid and cannot be changed. Correct it with a new version or an adjustment in a later month.");
        if (was != RunStatus.Approved)
            return;
        var allowed = new[] { nameof(CalculationRun.Status), nameof(CalculationRun.PaidBy), nameof(CalculationRun.PaidAt) };
        var onlyPaying = entry.State == EntityState.Modified
            && run.Status == RunStatus.Paid
            && entry.Properties.Where(p => p.IsModified).All(p => allowed.Contains(p.Metadata.Name));
        if (!onlyPaying)
            throw new ClosedRecordException(
                $"Perhitungan {label} sudah disetujui Direksi dan tidak dapat diubah; yang boleh hanya menandainya dibayar. Koreksi dilakukan dengan versi baru.",
                $"Run {run.Period} version {run.Version} is approved by the Direksi and cannot be changed; it can only be marked paid. Correct it with a new version.");
    }

    static async Task CheckRunPartsAsync(KinerjaDb db, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var runIds = entries
            .Select(e => e.Entity switch
            {
                RunStaffResult r => (int?)r.RunId,
                RunInput i => i.RunId,
                _ => null,
            })
            .Where(id => id is > 0)
            .Select(id => id!.Value)
            .Distinct()
            .ToList();
        if (runIds.Count == 0)
            return;
        var final = await db.CalculationRuns.IgnoreQueryFilters().AsNoTracking()
            .Where(r => runIds.Contains(r.Id) && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
            .Select(r => new { r.Period, r.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (final is not null)
            throw new ClosedRecordException(
                $"Hasil perhitungan {final.Period} versi {final.Version} sudah disetujui atau dibayar dan tidak dapat diubah.",
                $"The results of run {final.Period} version {final.Version} are approved or paid and cannot be changed.");
    }

    static async Task CheckRulesAsync(KinerjaDb db, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var ruleSetIds = new HashSet<int>();
        foreach (var entry in entries)
        {
            if (entry.Entity is RuleSet set && entry.State != EntityState.Added
                && (RuleSetStatus)entry.Property(nameof(RuleSet.Status)).OriginalValue! == RuleSetStatus.Approved)
            {
                throw RulesClosed(set.Version);
            }

            if (entry.Entity is IRuleRow row && row.RuleSetId > 0)
                ruleSetIds.Add(row.RuleSetId);
        }

        if (ruleSetIds.Count == 0)
            return;
        var approved = await db.RuleSets.IgnoreQueryFilters().AsNoTracking()
            .Where(r => ruleSetIds.Contains(r.Id) && r.Status == RuleSetStatus.Approved)
            .Select(r => (int?)r.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (approved is { } version)
            throw RulesClosed(version);
    }

    static ClosedRecordException RulesClosed(int version) => new(
        $"Aturan versi {version} sudah ditetapkan Direktur Utama dan tidak dapat diubah; buat versi baru dengan tanggal berlaku baru.",
        $"Rule version {version} is set by the Direktur Utama and cannot be changed; make a new version with a new effective date.");

    static async Task CheckPeriodRowsAsync(KinerjaDb db, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var rows = entries.Where(e => e.Entity is IPeriodRow).ToList();
        if (rows.Count == 0)
            return;
        var institutions = rows.Select(e => ((IPeriodRow)e.Entity).InstitutionId).Distinct().ToList();
        var paid = (await db.CalculationRuns.IgnoreQueryFilters().AsNoTracking()
                .Where(r => institutions.Contains(r.InstitutionId) && r.Status == RunStatus.Paid)
                .Select(r => new { r.InstitutionId, r.Period })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(r => (r.InstitutionId, Period: Period.Parse(r.Period)))
            .ToList();
        if (paid.Count == 0)
            return;

        foreach (var entry in rows)
        {
            var row = (IPeriodRow)entry.Entity;
            foreach (var (start, end) in Ranges(entry))
            {
                var closed = paid.FirstOrDefault(p => p.InstitutionId == row.InstitutionId && p.Period.Start <= end && p.Period.End >= start);
                if (closed.Period != default)
                    throw new ClosedRecordException(
                        $"Periode {closed.Period} sudah dibayar dan ditutup: datanya tidak dapat diubah. Koreksi dilakukan sebagai penyesuaian di bulan berikutnya.",
                        $"Period {closed.Period} is paid and closed: its data cannot be changed. Make the correction an adjustment in a later month.");
            }
        }
    }

    static async Task CheckBudgetsAsync(KinerjaDb db, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        // A budget row feeds only the runs of its own period key (CaseBuilder), so the key decides, before and after.
        var touched = entries.Where(e => e.Entity is PeriodBudget)
            .SelectMany(e => new[] { e.Property(nameof(PeriodBudget.Period)).OriginalValue, e.Property(nameof(PeriodBudget.Period)).CurrentValue }
                .OfType<string>()
                .Select(period => (((PeriodBudget)e.Entity).InstitutionId, Period: period)))
            .Distinct()
            .ToList();
        if (touched.Count == 0)
            return;
        var institutions = touched.Select(b => b.InstitutionId).Distinct().ToList();
        var periods = touched.Select(b => b.Period).Distinct().ToList();
        var closed = await db.CalculationRuns.IgnoreQueryFilters().AsNoTracking()
            .Where(r => institutions.Contains(r.InstitutionId) && periods.Contains(r.Period) && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
            .Select(r => new { r.InstitutionId, r.Period, r.Version })
            .ToListAsync(cancellationToken);
        var run = closed.FirstOrDefault(r => touched.Contains((r.InstitutionId, r.Period)));
        if (run is not null)
            throw new ClosedRecordException(
                $"Anggaran dan pendapatan {run.Period} tidak dapat diubah: perhitungan {run.Period} versi {run.Version} sudah disetujui atau dibayar.",
                $"The budget and revenue of {run.Period} cannot be changed: run {run.Period} version {run.Version} is approved or paid.");
    }

    // The date ranges a row touches: before and after the change.
    static IEnumerable<(DateOnly Start, DateOnly End)> Ranges(EntityEntry entry)
    {
        var values = entry.State == EntityState.Modified ? new[] { true, false } : [entry.State == EntityState.Deleted];
        foreach (var original in values)
        {
            object? Value(string name) => original ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue;
            if (entry.Entity is ServiceLine)
            {
                var date = (DateOnly)Value(nameof(ServiceLine.Date))!;
                yield return (date, date);
            }
            else if (Period.TryParse(Value("Period") as string, out var period))
            {
                yield return (period.Start, period.End);
            }
        }
    }
}
