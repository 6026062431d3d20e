using Kinerja.Data;
using Kinerja.Data.Kontrak;
using Kinerja.Engine.Kontrak;
using Kinerja.IntegrationTests.Community;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web.Features.Community.Alerts;
using Kinerja.Web.Features.Kontrak;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Kontrak;

/// <summary>The alert for contracts about to end (issue 6 §6): through the outbox, to the Dinas and the Kepala Puskesmas, never twice.</summary>
public class ExpiryAlertTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<int> QueueAsync(KomunitasSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await using var db = site.Open();
        return await scope.ServiceProvider.GetRequiredService<ExpiryAlerts>().QueueAsync(db, KontrakClock.Today(site.Clock), Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ContractsEndingWithin60Days_AlertTheDinasAndTheKepalaPuskesmas_Once_ThenOnceMoreInTheLastTwoWeeks(DatabaseProvider provider)
    {
        // 15 October 2026: the two demo contracts ending on 31 December are 77 days away.
        await using var site = await KomunitasSite.StartAsync(provider, new DateTimeOffset(2026, 10, 15, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await QueueAsync(site));

        // 1 November: 60 days. Rina (Moyudan) alerts the Dinas and Moyudan's head; the Gamping team the Dinas only
        // (Gamping has no Kepala Puskesmas account). Godean's contract ends in February: not yet.
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(3, await QueueAsync(site));
        Assert.Equal(0, await QueueAsync(site));
        int rina, team;
        await using (var db = site.Open())
        {
            rina = await db.Contracts.IgnoreQueryFilters().Where(c => c.ContractorName == "Rina Wulandari, S.KM").Select(c => c.Id).SingleAsync(Ct);
            team = await db.Contracts.IgnoreQueryFilters().Where(c => c.ContractorKind == ContractorKind.Team).Select(c => c.Id).SingleAsync(Ct);
            var queued = await db.OutboxMessages.Where(m => m.Template == AlertTemplates.ContractEnding).ToListAsync(Ct);
            Assert.Equal(
                [$"dinkes:{rina}", $"dinkes:{team}", $"kapus:{rina}"],
                queued.Select(m => $"{m.Recipient.Split('@')[0]}:{AlertPayload.FromJson(m.Payload).Link.Split('/').Last()}").Order(StringComparer.Ordinal));
        }

        Assert.Equal(3, await site.ProcessOutboxAsync());
        var mails = site.Smtp.Messages.ToList();
        var kapus = mails.Single(m => m.To.Single().StartsWith("kapus@", StringComparison.Ordinal));
        Assert.Equal("Kontrak segera berakhir: Tenaga Promosi Kesehatan a.n. Rina Wulandari, S.KM, Puskesmas Moyudan", kapus.Header("Subject"));
        Assert.Contains("berakhir pada 31 Desember 2026 (60 hari lagi)", kapus.Body, StringComparison.Ordinal);
        Assert.Contains($"https://kinerja.test/kontrak/{rina}", kapus.Body, StringComparison.Ordinal);
        Assert.Equal("", kapus.Header("List-Unsubscribe")); // a work alert comes with the role

        // A contract terminated needs no decision any more: no reminder for the team.
        await using (var db = site.Database.Open(new SystemActor("dinkes"), site.Clock))
        {
            var contract = await db.Contracts.IgnoreQueryFilters().SingleAsync(c => c.Id == team, Ct);
            contract.Status = ContractStatus.Terminated;
            contract.TerminatedOn = new DateOnly(2026, 12, 15);
            contract.TerminationReason = "Uji: tim dibubarkan";
            await db.SaveChangesAsync(Ct);
        }

        // 20 December: the last two weeks, one reminder more for Rina's contract to each.
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 20, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await QueueAsync(site));
        Assert.Equal(0, await QueueAsync(site));
        Assert.Equal(2, await site.ProcessOutboxAsync());
        Assert.Contains(site.Smtp.Messages, m => m.Body.Contains("(11 hari lagi)", StringComparison.Ordinal));
    }
}
