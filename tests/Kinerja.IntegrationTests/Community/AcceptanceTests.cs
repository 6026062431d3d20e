using System.Net;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Community;

/// <summary>Issue 7's acceptance, tried as a new user and a moderator would, on both databases.</summary>
public class AcceptanceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewMember_RegistersReadsReplies_ModeratorApproves_AndReplyAlertArrivesBySmtp(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);

        // The front page of the original site, rebuilt.
        var front = WebUtility.HtmlDecode(await site.Browser().GetStringAsync("/komunitas", Ct));
        Assert.Contains("Forum Masyarakat Praktisi Mengenai Kontrak di Sektor Kesehatan", front, StringComparison.Ordinal);
        Assert.Contains("Membahas mengenai konsep sistem kontrak", front, StringComparison.Ordinal);
        Assert.Contains("Pengelola lembaga-lembaga donor.", front, StringComparison.Ordinal);
        Assert.Contains("Keanggotaan Masyarakat Praktisi ini bersifat terbuka.", front, StringComparison.Ordinal);
        foreach (var period in new[] { "Arsip Diskusi I (23 Juni - 12 Juli 2015)", "Arsip Diskusi II (13 Juli - 13 September 2015)",
                     "Arsip Diskusi III (26 Oktober - 29 November 2015)", "Arsip Diskusi IV (Tahun 2015)", "Diskusi Tahun 2016 Tahap I" })
            Assert.Contains(period, front, StringComparison.Ordinal);

        // Register, with e-mail alerts.
        var (rina, registered) = await site.RegisterAsync("Rina Wulandari", "rina@contoh.id", emailAlerts: true);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/komunitas/akun", registered.Headers.Location!.OriginalString);

        // Read the 2016 period from seed 000.
        var period2016 = WebUtility.HtmlDecode(await rina.GetStringAsync("/komunitas/diskusi/5", Ct));
        Assert.Contains("Melalui Peraturan Menteri Kesehatan RI Nomor 82 Tahun 2015", period2016, StringComparison.Ordinal);
        Assert.Contains("Dwi Handono Sulistyo (Moderator)", period2016, StringComparison.Ordinal);
        Assert.Contains("susilaningsih", period2016, StringComparison.Ordinal);
        Assert.Contains("2016-04-07 03:18", period2016, StringComparison.Ordinal);
        Assert.Contains("Evita", period2016, StringComparison.Ordinal);
        Assert.Contains("2016-04-09 00:43", period2016, StringComparison.Ordinal);

        // Reply to susilaningsih's comment: a new member's first comment waits for the moderator.
        int susilaningsihComment;
        await using (var db = site.Open())
            susilaningsihComment = await db.Comments.Where(c => c.AuthorName == "susilaningsih").Select(c => c.Id).SingleAsync(Ct);
        var posted = await site.CommentAsync(rina, 5, "Di Bantul kontrak promkes juga berjalan, tetapi SK baru terbit bulan Maret.", susilaningsihComment);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain("SK baru terbit bulan Maret", await site.Browser().GetStringAsync("/komunitas/diskusi/5", Ct), StringComparison.Ordinal);
        Assert.Contains("Menunggu persetujuan moderator", await rina.GetStringAsync("/komunitas/diskusi/5", Ct), StringComparison.Ordinal);

        // The moderator approves it from the queue.
        var moderator = await site.SignInAsync("moderator");
        var queue = await moderator.GetStringAsync("/komunitas/moderasi", Ct);
        Assert.Contains("SK baru terbit bulan Maret", queue, StringComparison.Ordinal);
        int rinaComment;
        await using (var db = site.Open())
            rinaComment = await db.Comments.Where(c => c.AuthorName == "Rina Wulandari").Select(c => c.Id).SingleAsync(Ct);
        var approved = await KinerjaApp.PostFormAsync(moderator, $"/komunitas/moderasi?handler=Setujui&id={rinaComment}", new(), "/komunitas/moderasi");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("SK baru terbit bulan Maret", await site.Browser().GetStringAsync("/komunitas/diskusi/5", Ct), StringComparison.Ordinal);

        // The moderator answers Rina: published at once, and Rina's alert is in the outbox with it.
        Assert.Equal(HttpStatusCode.Redirect, (await site.CommentAsync(moderator, 5, "Terima kasih, Bu Rina. Apakah target bulanannya tertulis?", rinaComment)).StatusCode);

        Assert.Equal(2, await site.ProcessOutboxAsync());
        var mails = site.Smtp.Messages.ToList();
        Assert.Contains(mails, m => m.To.SequenceEqual(["anggota@demo.kinerja.id"])); // susilaningsih got Rina's reply
        var mail = Assert.Single(mails, m => m.To.SequenceEqual(["rina@contoh.id"]));
        Assert.Contains("Balasan untuk komentar Anda di Diskusi Tahun 2016 Tahap I", mail.Header("Subject"), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
        var unsubscribe = mail.Header("List-Unsubscribe").Trim('<', '>');
        Assert.StartsWith("https://kinerja.test/komunitas/berhenti?token=", unsubscribe, StringComparison.Ordinal);
        Assert.Contains(unsubscribe, mail.Body, StringComparison.Ordinal);
        Assert.Contains("Apakah target bulanannya tertulis?", mail.Body, StringComparison.Ordinal);

        // Processing again sends nothing twice.
        Assert.Equal(0, await site.ProcessOutboxAsync());
        Assert.Equal(2, site.Smtp.Messages.Count);

        // One click out: GET asks, the button (or the mail client's RFC 8058 POST) turns e-mail off.
        var path = new Uri(unsubscribe).PathAndQuery;
        var anonymous = site.Browser();
        Assert.Contains("Ya, berhenti", await anonymous.GetStringAsync(path, Ct), StringComparison.Ordinal);
        await using (var db = site.Open())
            Assert.True(await db.CommunityMembers.AnyAsync(m => m.User!.Email == "rina@contoh.id" && m.EmailAlerts, Ct));
        var stopped = await anonymous.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }), Ct);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        await using (var db = site.Open())
        {
            var member = await db.CommunityMembers.Include(m => m.Consents).SingleAsync(m => m.User!.Email == "rina@contoh.id", Ct);
            Assert.False(member.EmailAlerts);
            Assert.Equal([true, false], member.Consents.Where(c => c.Channel == AlertChannel.Email).OrderBy(c => c.Id).Select(c => c.Granted));
            Assert.Equal("tautan-berhenti", member.Consents.OrderBy(c => c.Id).Last().Source);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PolicyBrief_UploadedByModerator_IsFoundBySearch_ServedAsPdf_AndAlertsMembers(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);
        var moderator = await site.SignInAsync("moderator");
        int period5;
        await using (var db = site.Open())
            period5 = await db.DiscussionPeriods.Where(p => p.Number == 5).Select(p => p.Id).SingleAsync(Ct);

        var response = await LibraryTests.UploadAsync(moderator, new()
        {
            ["Input.Kind"] = "PolicyBrief",
            ["Input.Title"] = "Policy Brief: Kontrak Tenaga Promkes dari Dana BOK",
            ["Input.Summary"] = "Rekomendasi agar target kinerja bulanan tenaga promkes ditulis dalam kontrak.",
            ["Input.PeriodId"] = period5.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ("brief-promkes.pdf", LibraryTests.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var results = WebUtility.HtmlDecode(await site.Browser().GetStringAsync("/komunitas/cari?q=policy%20promkes", Ct));
        Assert.Contains("Policy Brief: Kontrak Tenaga Promkes dari Dana BOK", results, StringComparison.Ordinal);
        var library = results[results.IndexOf("id=\"hasil-perpustakaan\"", StringComparison.Ordinal)..];
        Assert.Contains("Policy Brief: Kontrak Tenaga Promkes dari Dana BOK", library, StringComparison.Ordinal);
        Assert.Contains("Diskusi Tahun 2016 Tahap I", library, StringComparison.Ordinal);

        await using (var db = site.Open())
        {
            var file = await db.LibraryFiles.SingleAsync(Ct);
            var download = await site.Browser().GetAsync($"/komunitas/perpustakaan/berkas/{file.Id}", Ct);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(LibraryTests.Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
            var alert = await db.OutboxMessages.SingleAsync(Ct);
            Assert.Equal(("policy_brief_baru", "anggota@demo.kinerja.id"), (alert.Template, alert.Recipient));
        }
    }
}
