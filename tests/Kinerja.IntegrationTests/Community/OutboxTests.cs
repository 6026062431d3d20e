using System.Net;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web.Features.Community.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Community;

/// <summary>The alert outbox: written with its event, sent once, retried with backoff, failures shown to the admin.</summary>
public class OutboxTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static OutboxMessage Message(int i, AlertChannel channel = AlertChannel.Email, string? recipient = null, DateTime? now = null) => new()
    {
        Channel = channel,
        Recipient = recipient ?? $"penerima{i}@contoh.id",
        Template = AlertTemplates.NewPeriod,
        Payload = new AlertPayload($"Penerima {i}", "Diskusi Uji", "Tema uji", "https://kinerja.test/komunitas/diskusi/9",
            "https://kinerja.test/komunitas/berhenti?token=x").ToJson(),
        IdempotencyKey = $"uji:{i}:{channel}",
        CreatedAt = now ?? DateTime.UtcNow,
        NextAttemptAt = now ?? DateTime.UtcNow,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoWorkersAtOnce_SendEveryAlertExactlyOnce(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await using (var db = site.Open())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, 30).Select(i => Message(i, now: now)));
            await db.SaveChangesAsync(Ct);
        }
        var first = site.Services.GetRequiredService<OutboxProcessor>();
        var second = ActivatorUtilities.CreateInstance<OutboxProcessor>(site.Services); // another worker, own identity
        var sent = await Task.WhenAll(first.ProcessDueAsync(cancellationToken: Ct), second.ProcessDueAsync(cancellationToken: Ct));

        Assert.Equal(30, sent.Sum());
        Assert.Equal(30, site.Smtp.Messages.Count);
        Assert.Equal(30, site.Smtp.Messages.Select(m => m.To.Single()).Distinct().Count());
        await using (var db = site.Open())
            Assert.True(await db.OutboxMessages.AllAsync(m => m.SentAt != null && m.Attempts == 1, Ct));
        Assert.Equal(0, await first.ProcessDueAsync(cancellationToken: Ct));
        Assert.Equal(30, site.Smtp.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSameEvent_IsQueuedOnce(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);
        await using var db = site.Open();
        db.OutboxMessages.Add(Message(1));
        await db.SaveChangesAsync(Ct);
        db.OutboxMessages.Add(Message(1));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task ApprovingTwice_QueuesTheReplyAlertOnce()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var (member, _) = await site.RegisterAsync("Dewi Lestari", "dewi@contoh.id");
        int susilaningsih;
        await using (var db = site.Open())
            susilaningsih = await db.Comments.Where(c => c.AuthorName == "susilaningsih").Select(c => c.Id).SingleAsync(Ct);
        await site.CommentAsync(member, 5, "Setuju dengan kontrak tim.", susilaningsih);
        int id;
        await using (var db = site.Open())
            id = await db.Comments.Where(c => c.AuthorName == "Dewi Lestari").Select(c => c.Id).SingleAsync(Ct);
        var moderator = await site.SignInAsync("moderator");
        await KinerjaApp.PostFormAsync(moderator, $"/komunitas/moderasi?handler=Setujui&id={id}", new(), "/komunitas/moderasi");
        await KinerjaApp.PostFormAsync(moderator, $"/komunitas/moderasi?handler=Setujui&id={id}", new(), "/komunitas/moderasi");
        await using (var db = site.Open())
        {
            // Besides the new member's own (sent) confirmation mail, one alert.
            var alert = await db.OutboxMessages.SingleAsync(m => m.Template != AlertTemplates.ConfirmEmail, Ct);
            Assert.Equal(("anggota@demo.kinerja.id", AlertTemplates.Reply), (alert.Recipient, alert.Template));
        }
    }

    [Fact]
    public async Task NewPeriod_AlertsByWhatsApp_WithAnApprovedTemplate_AndByEmail()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        await site.RegisterAsync("Sari Indah", "sari@contoh.id", emailAlerts: true, whatsApp: "+62 812 2700 9876", whatsAppAlerts: true);
        var moderator = await site.SignInAsync("moderator");
        var opened = await KinerjaApp.PostFormAsync(moderator, "/komunitas/admin/periode", new()
        {
            ["Input.Number"] = "6", ["Input.Title"] = "Diskusi Tahun 2016 Tahap II",
            ["Input.Theme"] = "Evaluasi target kinerja bulanan tenaga promkes",
            ["Input.StartsOn"] = "2016-04-10", ["Input.EndsOn"] = "2016-05-31", ["Input.ModeratorName"] = "Dwi Handono Sulistyo",
            ["Input.Introduction"] = "Pengantar periode kedua.",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/komunitas/diskusi/6", opened.Headers.Location!.OriginalString);

        Assert.Equal(3, await site.ProcessOutboxAsync()); // Sari by e-mail and WhatsApp, the demo member by e-mail
        var request = Assert.Single(site.WhatsApp.Requests);
        Assert.Equal($"/v21.0/{KomunitasSite.PhoneNumberId}/messages", request.Path);
        Assert.Equal($"Bearer {KomunitasSite.WhatsAppToken}", request.Authorization);
        Assert.Equal("whatsapp", request.Body.GetProperty("messaging_product").GetString());
        Assert.Equal("6281227009876", request.Body.GetProperty("to").GetString());
        Assert.Equal("template", request.Body.GetProperty("type").GetString());
        var template = request.Body.GetProperty("template");
        Assert.Equal(AlertTemplates.NewPeriod, template.GetProperty("name").GetString());
        Assert.Equal("id", template.GetProperty("language").GetProperty("code").GetString());
        var parameters = template.GetProperty("components")[0].GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Sari Indah", "Diskusi Tahun 2016 Tahap II"], parameters.Take(2));
        Assert.StartsWith("https://kinerja.test/komunitas/berhenti?token=", parameters[4], StringComparison.Ordinal);
        Assert.Equal(["anggota@demo.kinerja.id", "sari@contoh.id"], site.Smtp.Messages.Select(m => m.To.Single()).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ANumberFreedByRenumbering_OpensANewPeriod_WithItsOwnAlerts(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);
        var moderator = await site.SignInAsync("moderator");
        Task<HttpResponseMessage> OpenAsync(string path, string number, string title) => KinerjaApp.PostFormAsync(moderator, path, new()
        {
            ["Input.Number"] = number, ["Input.Title"] = title, ["Input.StartsOn"] = "2016-04-10", ["Input.EndsOn"] = "2016-05-31",
        }, path);

        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync("/komunitas/admin/periode", "6", "Diskusi Tahap II")).StatusCode);
        int id;
        await using (var db = site.Open())
            id = await db.DiscussionPeriods.Where(p => p.Number == 6).Select(p => p.Id).SingleAsync(Ct);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync($"/komunitas/admin/periode/{id}", "7", "Diskusi Tahap II")).StatusCode);
        // Number 6 is free again: a new period takes it, and its members are told of it too.
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync("/komunitas/admin/periode", "6", "Diskusi Tahap III")).StatusCode);
        await using (var db = site.Open())
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Template == AlertTemplates.NewPeriod && m.Recipient == "anggota@demo.kinerja.id", Ct));
    }

    [Fact]
    public async Task FailingChannel_RetriesWithBackoff_GivesUp_AndShowsTheFailureToTheAdmin()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite, settings: new() { ["Alerts:MaxAttempts"] = "3" });
        site.WhatsApp.Fail = true;
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await using (var db = site.Open())
        {
            db.OutboxMessages.Add(Message(1, AlertChannel.WhatsApp, "6281200000001", now));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(0, await site.ProcessOutboxAsync());
        OutboxMessage row;
        await using (var db = site.Open())
            row = await db.OutboxMessages.SingleAsync(Ct);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(now.AddMinutes(1), DateTime.SpecifyKind(row.NextAttemptAt, DateTimeKind.Utc));
        Assert.Contains("WhatsApp API 500", row.LastError, StringComparison.Ordinal);

        Assert.Equal(0, await site.ProcessOutboxAsync()); // not due yet: nothing is tried
        Assert.Single(site.WhatsApp.Requests);

        site.Clock.Advance(TimeSpan.FromMinutes(1));
        await site.ProcessOutboxAsync();
        await using (var db = site.Open())
            row = await db.OutboxMessages.SingleAsync(Ct);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime.AddMinutes(2), DateTime.SpecifyKind(row.NextAttemptAt, DateTimeKind.Utc));

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        await site.ProcessOutboxAsync();
        await using (var db = site.Open())
            row = await db.OutboxMessages.SingleAsync(Ct);
        Assert.Equal(3, row.Attempts);
        Assert.NotNull(row.FailedAt);
        site.Clock.Advance(TimeSpan.FromHours(1));
        await site.ProcessOutboxAsync();
        Assert.Equal(3, site.WhatsApp.Requests.Count); // given up: no fourth try

        var admin = await site.SignInAsync("admin");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/komunitas/admin/kotak-keluar", Ct));
        Assert.Contains("6281200000001", page, StringComparison.Ordinal);
        Assert.Contains("WhatsApp API 500", page, StringComparison.Ordinal);

        // The admin tries again once the API is back.
        site.WhatsApp.Fail = false;
        await KinerjaApp.PostFormAsync(admin, $"/komunitas/admin/kotak-keluar?handler=Ulangi&id={row.Id}", new(), "/komunitas/admin/kotak-keluar");
        Assert.Equal(1, await site.ProcessOutboxAsync());
        await using (var db = site.Open())
            Assert.NotNull((await db.OutboxMessages.SingleAsync(Ct)).SentAt);
    }

    [Fact]
    public async Task RefusedByTheSmtpServer_IsRetriedNotLost()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        site.Smtp.Refuse = true;
        await using (var db = site.Open())
        {
            db.OutboxMessages.Add(Message(1, now: site.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(0, await site.ProcessOutboxAsync());
        site.Smtp.Refuse = false;
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await site.ProcessOutboxAsync());
        Assert.Single(site.Smtp.Messages);
    }

    [Fact]
    public async Task OutboxPage_IsForAdminsOnly()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var moderator = await site.SignInAsync("moderator");
        var response = await moderator.GetAsync("/komunitas/admin/kotak-keluar", Ct);
        Assert.StartsWith("/akun/ditolak", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
