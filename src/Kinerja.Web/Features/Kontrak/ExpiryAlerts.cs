using Kinerja.Data;
using Kinerja.Data.Identity;
using Kinerja.Data.Kontrak;
using Kinerja.Web.Features.Community.Alerts;
using Kinerja.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Kontrak;

/// <summary>
/// The alert of issue 6 §6 for a contract about to end: an e-mail through the outbox to the Dinas Kesehatan that
/// issued it and to the Kepala Puskesmas where the work is done, once when the contract enters the last
/// <see cref="KontrakClock.ExpiryAlertDays"/> days and once more in its last <see cref="LastReminderDays"/> days,
/// so the renewal (budget and achievement) is decided in time. Each alert has its key: running again queues nothing twice.
/// </summary>
public sealed class ExpiryAlerts(AlertWriter writer)
{
    public const int LastReminderDays = 14;

    /// <summary>Queues what is due on <paramref name="today"/> and saves it; returns how many e-mails were queued.</summary>
    public async Task<int> QueueAsync(KinerjaDb db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = today.AddDays(KontrakClock.ExpiryAlertDays);
        // The whole installation: this runs without a signed-in user.
        var ending = await db.Contracts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == ContractStatus.Active && c.RenewedToId == null && c.End >= today && c.End <= last)
            .Select(c => new { c.Id, c.Number, c.Position, c.ContractorName, c.End, c.InstitutionId, c.DinasId })
            .ToListAsync(cancellationToken);
        if (ending.Count == 0)
            return 0;

        var places = ending.SelectMany(c => new[] { c.InstitutionId, c.DinasId }).Distinct().ToList();
        var names = await db.Institutions.IgnoreQueryFilters().AsNoTracking().Where(i => places.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var roles = await db.Roles.Where(r => r.Name == Roles.DinasKesehatan || r.Name == Roles.KepalaPuskesmas).ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           where roles.Keys.Contains(ur.RoleId) && u.InstitutionId != null && places.Contains(u.InstitutionId.Value)
                                 && u.Email != null && u.EmailConfirmed
                           select new { u.Id, u.FullName, u.Email, u.InstitutionId, ur.RoleId })
            .ToListAsync(cancellationToken);

        var due = new List<(string EventKey, string Title, string Detail, int ContractId, string UserId, string Name, string Email)>();
        foreach (var c in ending)
        {
            var daysLeft = c.End.DayNumber - today.DayNumber;
            var stage = daysLeft <= LastReminderDays ? LastReminderDays : KontrakClock.ExpiryAlertDays;
            var eventKey = $"kontrak-berakhir:{c.Id}:{c.End:yyyyMMdd}:{stage}";
            var title = $"{c.Position} a.n. {c.ContractorName}, {names.GetValueOrDefault(c.InstitutionId, "?")}";
            var detail = $"Kontrak {(string.IsNullOrEmpty(c.Number) ? "" : c.Number + " ")}berakhir pada {c.End.ToString("d MMMM yyyy", Format.Indonesian)} ({daysLeft} hari lagi). "
                + "Perpanjangan hanya bila anggaran tahun berikutnya mencukupi dan capaian selama kontrak memenuhi ambang Dinas; rekomendasinya ada di halaman kontrak.";
            due.AddRange(staff
                .Where(s => (roles[s.RoleId] == Roles.DinasKesehatan && s.InstitutionId == c.DinasId) || (roles[s.RoleId] == Roles.KepalaPuskesmas && s.InstitutionId == c.InstitutionId))
                .DistinctBy(s => s.Id)
                .Select(s => (eventKey, title, detail, c.Id, s.Id, s.FullName, s.Email!)));
        }

        var keys = due.Select(d => AlertWriter.WorkKey(d.EventKey, d.UserId)).ToList();
        var queued = (await db.OutboxMessages.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var d in due.Where(d => !queued.Contains(AlertWriter.WorkKey(d.EventKey, d.UserId))))
        {
            writer.WorkEmail(db, (d.UserId, d.Name, d.Email), AlertTemplates.ContractEnding, d.EventKey, d.Title, d.Detail, $"/kontrak/{d.ContractId}");
            added++;
        }

        if (added > 0)
            await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}

/// <summary>Looks for contracts about to end at start and then every hour (Alerts:WorkerEnabled turns it off with the outbox worker).</summary>
public sealed class ExpiryAlertsWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptionsMonitor<AlertOptions> options, ILogger<ExpiryAlertsWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.WorkerEnabled)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var alerts = scope.ServiceProvider.GetRequiredService<ExpiryAlerts>();
                await alerts.QueueAsync(scope.ServiceProvider.GetRequiredService<KinerjaDb>(), KontrakClock.Today(clock), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "Contract expiry alerts failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
