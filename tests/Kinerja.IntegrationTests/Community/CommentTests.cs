using System.Net;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Community;

/// <summary>Comments: moderation of new members, sanitising, the edit window, deleting, flags, closed periods.</summary>
public class CommentTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<int> IdOfAsync(KomunitasSite site, string text)
    {
        await using var db = site.Open();
        return await db.Comments.Where(c => c.Body.Contains(text)).Select(c => c.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task NewMember_FirstTwoCommentsWaitForApproval_ThenPublishedAtOnce()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var (member, _) = await site.RegisterAsync("Budi Santoso", "budi@contoh.id");
        var moderator = await site.SignInAsync("moderator");

        await site.CommentAsync(member, 5, "Komentar pertama Budi.");
        await site.CommentAsync(member, 5, "Komentar kedua Budi.");
        foreach (var text in new[] { "Komentar pertama Budi.", "Komentar kedua Budi." })
        {
            var id = await IdOfAsync(site, text);
            await KinerjaApp.PostFormAsync(moderator, $"/komunitas/moderasi?handler=Setujui&id={id}", new(), "/komunitas/moderasi");
        }
        await site.CommentAsync(member, 5, "Komentar ketiga Budi langsung tayang.");

        await using var db = site.Open();
        var statuses = await db.Comments.Where(c => c.AuthorName == "Budi Santoso").OrderBy(c => c.Id).Select(c => c.Status).ToListAsync(Ct);
        Assert.Equal([CommentStatus.Tayang, CommentStatus.Tayang, CommentStatus.Tayang], statuses);
        Assert.Equal("moderator", (await db.Comments.FirstAsync(c => c.AuthorName == "Budi Santoso", Ct)).ModeratedBy);
        Assert.Contains("Komentar ketiga Budi langsung tayang.", await site.Browser().GetStringAsync("/komunitas/diskusi/5", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_RejectsAComment_ItIsNeverShown()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var (member, _) = await site.RegisterAsync("Penjual Obat", "iklan@contoh.id");
        await site.CommentAsync(member, 5, "Beli obat murah di sini.");
        var moderator = await site.SignInAsync("moderator");
        var id = await IdOfAsync(site, "Beli obat murah");
        await KinerjaApp.PostFormAsync(moderator, $"/komunitas/moderasi?handler=Tolak&id={id}", new(), "/komunitas/moderasi");
        Assert.DoesNotContain("Beli obat murah", await member.GetStringAsync("/komunitas/diskusi/5", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Beli obat murah", await moderator.GetStringAsync("/komunitas/moderasi", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HtmlInAComment_IsRenderedHarmless(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);
        var moderator = await site.SignInAsync("moderator"); // trusted: published at once, links allowed
        const string attack = "Lihat <script>alert('xss')</script> dan <img src=x onerror=alert(1)> serta [klik](javascript:alert(2)) " +
                              "<a href=\"https://contoh.id\" onclick=\"alert(3)\">tautan</a> **tebal**";
        var response = await site.CommentAsync(moderator, 5, attack);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var html = await site.Browser().GetStringAsync("/komunitas/diskusi/5", Ct);
        Assert.Contains("<strong>tebal</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        // No tag carries an event handler or a javascript: address; the only script is the site's own file.
        Assert.DoesNotMatch(@"<[^>]*\son(error|click)\s*=", html);
        Assert.DoesNotMatch("href=\"javascript:", html);
        var comment = html[html.IndexOf("<ol class=\"kom-thread\">", StringComparison.Ordinal)..html.IndexOf("id=\"tulis\"", StringComparison.Ordinal)];
        Assert.Empty(ContentRendererTests.Dangers(comment));
        // Typed tags are shown as text, escaped.
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comment_CanBeEditedWithinTheWindow_NotAfter()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var moderator = await site.SignInAsync("moderator");
        await site.CommentAsync(moderator, 5, "Salah ketk.");
        var id = await IdOfAsync(site, "Salah ketk.");

        var edited = await KinerjaApp.PostFormAsync(moderator, $"/komunitas/komentar/{id}/ubah", new() { ["Body"] = "Salah ketik, sudah dibetulkan." });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("(diubah)", await site.Browser().GetStringAsync("/komunitas/diskusi/5", Ct), StringComparison.Ordinal);

        site.Clock.Advance(TimeSpan.FromMinutes(16));
        var late = await moderator.GetAsync($"/komunitas/komentar/{id}/ubah", Ct);
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        await using var db = site.Open();
        Assert.Equal("Salah ketik, sudah dibetulkan.", (await db.Comments.SingleAsync(c => c.Id == id, Ct)).Body);
    }

    [Fact]
    public async Task Comment_OfSomeoneElse_CannotBeEdited()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var moderator = await site.SignInAsync("moderator");
        await site.CommentAsync(moderator, 5, "Komentar moderator.");
        var id = await IdOfAsync(site, "Komentar moderator.");
        var member = await site.SignInAsync("anggota");
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync($"/komunitas/komentar/{id}/ubah", Ct)).StatusCode);
        var post = await member.PostAsync($"/komunitas/komentar/{id}/ubah", new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "diubah" }), Ct);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        await using var db = site.Open();
        Assert.Equal("Komentar moderator.", (await db.Comments.SingleAsync(c => c.Id == id, Ct)).Body);
    }

    [Fact]
    public async Task DeletingAComment_KeepsItsRepliesReadable()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var member = await site.SignInAsync("anggota");
        var moderator = await site.SignInAsync("moderator");
        int evita;
        await using (var db = site.Open())
            evita = await db.Comments.Where(c => c.AuthorName == "Evita").Select(c => c.Id).SingleAsync(Ct);
        await site.CommentAsync(moderator, 5, "Balasan moderator untuk Evita.", evita);

        var deleted = await KinerjaApp.PostFormAsync(moderator, $"/komunitas/diskusi/5?handler=Hapus&id={evita}", new(), "/komunitas/diskusi/5");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var html = await member.GetStringAsync("/komunitas/diskusi/5", Ct);
        Assert.DoesNotContain("Pengalaman Di Puskesmas Moyudan", html, StringComparison.Ordinal);
        Assert.Contains("Komentar ini telah dihapus.", html, StringComparison.Ordinal);
        Assert.Contains("Balasan moderator untuk Evita.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_CannotDeleteSomeoneElsesComment()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var member = await site.SignInAsync("anggota");
        int evita;
        await using (var db = site.Open())
            evita = await db.Comments.Where(c => c.AuthorName == "Evita").Select(c => c.Id).SingleAsync(Ct);
        var response = await KinerjaApp.PostFormAsync(member, $"/komunitas/diskusi/5?handler=Hapus&id={evita}", new(), "/komunitas/diskusi/5");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        await using (var db = site.Open())
            Assert.Null((await db.Comments.SingleAsync(c => c.Id == evita, Ct)).DeletedAt);
    }

    [Fact]
    public async Task FlaggedComment_AppearsInTheModerationQueue_WithItsReason()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var member = await site.SignInAsync("anggota");
        int evita;
        await using (var db = site.Open())
            evita = await db.Comments.Where(c => c.AuthorName == "Evita").Select(c => c.Id).SingleAsync(Ct);
        await KinerjaApp.PostFormAsync(member, $"/komunitas/diskusi/5?handler=Laporkan&id={evita}", new() { ["alasan"] = "Menyebut nama puskesmas tanpa izin" }, "/komunitas/diskusi/5");

        var moderator = await site.SignInAsync("moderator");
        var queue = await moderator.GetStringAsync("/komunitas/moderasi", Ct);
        Assert.Contains("Menyebut nama puskesmas tanpa izin", queue, StringComparison.Ordinal);
        await KinerjaApp.PostFormAsync(moderator, $"/komunitas/moderasi?handler=Abaikan&id={evita}", new(), "/komunitas/moderasi");
        Assert.DoesNotContain("Menyebut nama puskesmas tanpa izin", await moderator.GetStringAsync("/komunitas/moderasi", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModerationQueue_IsForModerators()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var member = await site.SignInAsync("anggota");
        var response = await member.GetAsync("/komunitas/moderasi", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/ditolak", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Period_ClosesByItselfAfterItsEndDate_AndStaysReadable()
    {
        // 30 June 2016 23:00 WIB: the last hour of 2016 Tahap I.
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2016, 6, 30, 16, 0, 0, TimeSpan.Zero));
        var moderator = await site.SignInAsync("moderator");
        Assert.Equal(HttpStatusCode.Redirect, (await site.CommentAsync(moderator, 5, "Komentar di jam terakhir.")).StatusCode);

        // The form was opened before midnight and sent after it: 1 July 2016, 01:00 WIB.
        var late = await site.PostGuardedAsync(moderator, "/komunitas/diskusi/5", "/komunitas/diskusi/5?handler=Komentar",
            new() { ["Input.Body"] = "Komentar setelah periode ditutup." }, wait: TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Periode ini tidak menerima komentar", html, StringComparison.Ordinal);

        var archive = WebUtility.HtmlDecode(await site.Browser().GetStringAsync("/komunitas/diskusi/5", Ct));
        Assert.Contains("Arsip: sudah ditutup", archive, StringComparison.Ordinal);
        Assert.Contains("Komentar di jam terakhir.", archive, StringComparison.Ordinal);
        Assert.DoesNotContain("Komentar setelah periode ditutup.", archive, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commenting_IsRateLimitedPerAccount()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var moderator = await site.SignInAsync("moderator");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add((await site.CommentAsync(moderator, 5, $"Komentar beruntun {i}.")).StatusCode);
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Comment_PostedUnderTwoSeconds_IsRefused()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var moderator = await site.SignInAsync("moderator");
        var response = await site.PostGuardedAsync(moderator, "/komunitas/diskusi/5", "/komunitas/diskusi/5?handler=Komentar",
            new() { ["Input.Body"] = "Terlalu cepat." }, wait: TimeSpan.FromSeconds(1));
        Assert.Contains("Formulir dikirim terlalu cepat", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.False(await db.Comments.AnyAsync(c => c.Body == "Terlalu cepat.", Ct));
    }
}
