using Kinerja.Data;
using Kinerja.Data.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Community.Alerts;

/// <summary>
/// Sends the due outbox rows. A row is first claimed with one conditional UPDATE (only if nobody
/// holds it), so two workers never send the same row; it is marked sent right after the channel
/// accepts it; a failure is retried with exponential backoff and given up after MaxAttempts,
/// which puts it on the admin's page (/komunitas/admin/kotak-keluar).
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes, IEnumerable<IAlertChannel> channels, TimeProvider clock,
    IOptionsMonitor<AlertOptions> options, ILogger<OutboxProcessor> log)
{
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    static readonly TimeSpan MaxDelay = TimeSpan.FromHours(6);

    readonly string worker = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Sends what is due now; returns how many were sent. The background worker calls this on a timer.</summary>
    public async Task<int> ProcessDueAsync(int batch = 50, CancellationToken cancellationToken = default)
    {
        var ready = channels.Where(c => c.IsConfigured).ToDictionary(c => c.Channel);
        if (ready.Count == 0)
            return 0;
        var readyChannels = ready.Keys.ToArray();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                        && (m.LockedUntil == null || m.LockedUntil < now) && readyChannels.Contains(m.Channel))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(batch)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + Lease).SetProperty(m => m.LockedBy, worker), cancellationToken);
            if (claimed == 0)
                continue; // another worker has it

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await ready[message.Channel].SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await FailedAsync(db, message, ex, cancellationToken);
                continue;
            }
            var at = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == worker)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, at)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            sent++;
        }
        return sent;
    }

    async Task FailedAsync(KinerjaDb db, OutboxMessage message, Exception ex, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.CurrentValue;
        var giveUp = attempts >= settings.MaxAttempts;
        var delay = TimeSpan.FromSeconds(settings.RetryBaseSeconds * Math.Pow(2, attempts - 1));
        var next = now + (delay > MaxDelay ? MaxDelay : delay);
        var error = $"{ex.GetType().Name}: {ex.Message}";
        if (error.Length > 1900)
            error = error[..1900];
        log.LogWarning("Alert {Id} ({Channel}) failed, attempt {Attempts}: {Error}", message.Id, message.Channel, attempts, error);
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == worker)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.FailedAt, giveUp ? now : (DateTime?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
    }
}

/// <summary>Runs <see cref="OutboxProcessor"/> every Alerts:PollSeconds.</summary>
public sealed class OutboxWorker(OutboxProcessor processor, IOptionsMonitor<AlertOptions> options, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.WorkerEnabled)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.PollSeconds)));
        do
        {
            try
            {
                await processor.ProcessDueAsync(cancellationToken: stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the next tick tries again.
                log.LogError(ex, "Outbox processing failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
