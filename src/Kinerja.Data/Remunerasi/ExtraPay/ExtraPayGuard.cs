using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kinerja.Data.Remunerasi.ExtraPay;

/// <summary>
/// Extra pay runs are records like the monthly runs (product.md §1): an approved run changes only to paid, a paid
/// run never, and the lines of either never. Enforced in the data layer, for every save.
/// </summary>
sealed class ExtraPayGuard : SaveChangesInterceptor
{
    public static readonly ExtraPayGuard Instance = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KinerjaDb db)
            await CheckAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is KinerjaDb db)
            CheckAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    static async Task CheckAsync(KinerjaDb db, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted or EntityState.Added && e.Entity is ExtraPayRun or ExtraPayLine)
            .ToList();
        if (entries.Count == 0)
            return;

        string[] paying = [nameof(ExtraPayRun.Status), nameof(ExtraPayRun.PaidBy), nameof(ExtraPayRun.PaidAt)];
        foreach (var entry in entries.Where(e => e.Entity is ExtraPayRun && e.State != EntityState.Added))
        {
            var run = (ExtraPayRun)entry.Entity;
            var was = (RunStatus)entry.Property(nameof(ExtraPayRun.Status)).OriginalValue!;
            if (was == RunStatus.Paid)
                throw new ClosedRecordException(
                    $"Pendapatan tambahan \"{run.Title}\" sudah dibayar dan tidak dapat diubah.",
                    $"Extra pay \"{run.Title}\" is paid and cannot be changed.");
            if (was == RunStatus.Approved
                && !(entry.State == EntityState.Modified && run.Status == RunStatus.Paid
                     && entry.Properties.Where(p => p.IsModified).All(p => paying.Contains(p.Metadata.Name))))
                throw new ClosedRecordException(
                    $"Pendapatan tambahan \"{run.Title}\" sudah disetujui Direksi dan tidak dapat diubah; yang boleh hanya menandainya dibayar.",
                    $"Extra pay \"{run.Title}\" is approved by the Direksi and cannot be changed; it can only be marked paid.");
        }

        var runIds = entries.Select(e => e.Entity is ExtraPayLine line ? line.RunId : 0).Where(id => id > 0).Distinct().ToList();
        if (runIds.Count == 0)
            return;
        var final = await db.ExtraPayRuns.IgnoreQueryFilters().AsNoTracking()
            .Where(r => runIds.Contains(r.Id) && (r.Status == RunStatus.Approved || r.Status == RunStatus.Paid))
            .Select(r => r.Title)
            .FirstOrDefaultAsync(cancellationToken);
        if (final is not null)
            throw new ClosedRecordException(
                $"Rincian pendapatan tambahan \"{final}\" sudah disetujui atau dibayar dan tidak dapat diubah.",
                $"The lines of extra pay \"{final}\" are approved or paid and cannot be changed.");
    }
}
