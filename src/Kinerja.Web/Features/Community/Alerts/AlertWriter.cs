using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Community.Alerts;

/// <summary>
/// Turns events into outbox rows on the caller's context: the caller saves them with the event, in one
/// SaveChanges (or one transaction), so an alert exists exactly when its event does. Community alerts go to
/// members who chose them; work alerts (a contract about to end) go to the staff accounts whose role it is.
/// </summary>
public sealed class AlertWriter(UnsubscribeTokens tokens, IOptions<AlertOptions> options, IHttpContextAccessor http)
{
    string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
                return options.Value.PublicBaseUrl.TrimEnd('/');
            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}";
        }
    }

    public async Task NewPeriodAsync(KinerjaDb db, DiscussionPeriod period)
    {
        var dates = PeriodText.Dates(period);
        var detail = string.IsNullOrWhiteSpace(period.Theme) ? dates : $"Tema: {period.Theme} ({dates})";
        foreach (var member in await Recipients(db, null))
            Queue(db, member, AlertTemplates.NewPeriod, $"periode:{period.Id}", period.Title, detail, $"/komunitas/diskusi/{period.Number}");
    }

    /// <summary>A published reply: tells the author of the comment replied to (never themselves).</summary>
    public async Task ReplyAsync(KinerjaDb db, Comment reply, Comment parent, DiscussionPeriod period)
    {
        if (parent.AuthorUserId is null || parent.AuthorUserId == reply.AuthorUserId)
            return;
        var excerpt = reply.Body.Length > 280 ? reply.Body[..280] + "…" : reply.Body;
        foreach (var member in await Recipients(db, parent.AuthorUserId))
            Queue(db, member, AlertTemplates.Reply, $"balasan:{reply.Id}", period.Title,
                $"{reply.AuthorName}: {excerpt}", $"/komunitas/diskusi/{period.Number}#komentar-{reply.Id}");
    }

    public async Task PolicyBriefAsync(KinerjaDb db, LibraryItem brief, DiscussionPeriod? period)
    {
        var detail = (period is null ? "" : $"Hasil {period.Title}. ") + (brief.Summary ?? "");
        foreach (var member in await Recipients(db, null))
            Queue(db, member, AlertTemplates.PolicyBrief, $"brief:{brief.Id}", brief.Title, detail.Trim(), $"/komunitas/perpustakaan#item-{brief.Id}");
    }

    /// <summary>
    /// An e-mail to a staff account about its work. It comes with the role, so it has no unsubscribe link; the
    /// key is the event's, so the same event never queues twice for the same person.
    /// </summary>
    public OutboxMessage WorkEmail(KinerjaDb db, (string UserId, string Name, string Email) to, string template, string eventKey, string title, string detail, string path)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Channel = AlertChannel.Email,
            Recipient = to.Email,
            Template = template,
            Payload = new AlertPayload(to.Name, title, detail, BaseUrl + path, "").ToJson(),
            IdempotencyKey = WorkKey(eventKey, to.UserId),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    public static string WorkKey(string eventKey, string userId) => $"{eventKey}:akun-{userId}:{AlertChannel.Email}".ToLowerInvariant();

    /// <summary>
    /// The link that confirms an account's e-mail address (a new member, or one asking again): alerts go only to a
    /// confirmed address, so nobody is mailed because someone else typed their address. <paramref name="attempt"/>
    /// makes each request its own outbox row.
    /// </summary>
    public void ConfirmEmail(KinerjaDb db, AppUser user, string token, int attempt)
    {
        ArgumentNullException.ThrowIfNull(user);
        var link = $"/komunitas/konfirmasi-email?akun={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        WorkEmail(db, (user.Id, user.FullName, user.Email!), AlertTemplates.ConfirmEmail, $"konfirmasi-email:{attempt}",
            "Masyarakat Praktisi", "Buka tautan di bawah dan tekan tombol Konfirmasi. Tautan berlaku 24 jam.", link);
    }

    /// <summary>Members who chose an alert; an e-mail address counts only once confirmed.</summary>
    static async Task<List<(CommunityMember Member, string Name, string? Email)>> Recipients(KinerjaDb db, string? onlyUserId)
    {
        var query = db.CommunityMembers.Where(m => m.EmailAlerts || m.WhatsAppAlerts);
        if (onlyUserId is not null)
            query = query.Where(m => m.UserId == onlyUserId);
        return (await query.Select(m => new { Member = m, m.User!.FullName, m.User.Email, m.User.EmailConfirmed }).ToListAsync())
            .Select(x => (x.Member, x.FullName, x.EmailConfirmed ? x.Email : null)).ToList();
    }

    void Queue(KinerjaDb db, (CommunityMember Member, string Name, string? Email) to, string template, string eventKey,
        string title, string detail, string path)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var channel in Enum.GetValues<AlertChannel>())
        {
            if (!to.Member.Wants(channel))
                continue;
            var recipient = channel == AlertChannel.Email ? to.Email : to.Member.WhatsAppNumber;
            if (string.IsNullOrWhiteSpace(recipient))
                continue;
            var unsubscribe = $"{BaseUrl}/komunitas/berhenti?token={Uri.EscapeDataString(tokens.Create(to.Member.Id, channel))}";
            db.OutboxMessages.Add(new OutboxMessage
            {
                Channel = channel,
                Recipient = recipient,
                Template = template,
                Payload = new AlertPayload(to.Name, title, detail, BaseUrl + path, unsubscribe).ToJson(),
                IdempotencyKey = $"{eventKey}:anggota-{to.Member.Id}:{channel}".ToLowerInvariant(),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}
