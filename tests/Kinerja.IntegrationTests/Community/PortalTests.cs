using System.Net;
using System.Text.Json;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Community;

/// <summary>The portal's pages, the seed of the original site, search, and the member's own data.</summary>
public class PortalTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoSeed_HasThePeriodsAndThe2016IntroductionAndComments_AsInSeed000(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        await using var db = app.Database.Open();
        var periods = await db.DiscussionPeriods.Include(p => p.Comments).OrderBy(p => p.Number).ToListAsync(Ct);
        Assert.Equal(["Arsip Diskusi I", "Arsip Diskusi II", "Arsip Diskusi III", "Arsip Diskusi IV", "Diskusi Tahun 2016 Tahap I"], periods.Select(p => p.Title));
        Assert.Equal((new DateOnly(2015, 10, 26), new DateOnly(2015, 11, 29)), (periods[2].StartsOn, periods[2].EndsOn));
        var p2016 = periods[4];
        Assert.Equal("Dwi Handono Sulistyo", p2016.ModeratorName);
        Assert.StartsWith("Melalui Peraturan Menteri Kesehatan RI Nomor 82 Tahun 2015", p2016.Introduction, StringComparison.Ordinal);
        Assert.EndsWith("Selamat berdiskusi.", p2016.Introduction, StringComparison.Ordinal);
        Assert.Equal("bagaimana realisasi awal implementasi kontrak tenaga promkes dengan dana BOK?", p2016.Theme);
        Assert.Equal([("susilaningsih", new DateTime(2016, 4, 6, 20, 18, 0)), ("Evita", new DateTime(2016, 4, 8, 17, 43, 0))],
            p2016.Comments.OrderBy(c => c.PostedAt).Select(c => (c.AuthorName, DateTime.SpecifyKind(c.PostedAt, DateTimeKind.Unspecified))));
        Assert.Equal(5, await db.CommunityPages.CountAsync(Ct));
    }

    [Fact]
    public async Task Archive_ListsEveryPeriod_AndClosedPeriodsStayReadable()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        var archive = WebUtility.HtmlDecode(await client.GetStringAsync("/komunitas/arsip", Ct));
        Assert.Contains("Arsip Diskusi II", archive, StringComparison.Ordinal);
        Assert.Contains("13 Juli - 13 September 2015", archive, StringComparison.Ordinal);
        var closed = WebUtility.HtmlDecode(await client.GetStringAsync("/komunitas/diskusi/5", Ct));
        Assert.Contains("Arsip: sudah ditutup", closed, StringComparison.Ordinal);
        Assert.Contains("Periode ini sudah ditutup", closed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/komunitas/diskusi/99", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_FindsPeriodsAndComments_CaseInsensitively(DatabaseProvider provider)
    {
        await using var app = await KinerjaApp.StartAsync(provider);
        var html = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/komunitas/cari?q=PUSKESMAS%20moyudan", Ct));
        var comments = html[html.IndexOf("id=\"hasil-komentar\"", StringComparison.Ordinal)..html.IndexOf("id=\"hasil-perpustakaan\"", StringComparison.Ordinal)];
        Assert.Contains("Evita, 2016-04-09 00:43", comments, StringComparison.Ordinal);
        Assert.DoesNotContain("susilaningsih", comments, StringComparison.Ordinal);
        var periods = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/komunitas/cari?q=promkes", Ct));
        Assert.Contains("Diskusi Tahun 2016 Tahap I", periods[..periods.IndexOf("id=\"hasil-komentar\"", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_EditsTheMissionPage()
    {
        await using var app = await KinerjaApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync("admin");
        var response = await KinerjaApp.PostFormAsync(admin, "/komunitas/admin/halaman/tujuan", new()
        {
            ["Title"] = "Tujuan (misi)", ["Body"] = "1. Membahas konsep sistem kontrak.\n2. Tujuan baru: <b>berbagi</b> data.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var front = await app.Browser().GetStringAsync("/komunitas", Ct);
        Assert.Contains("Tujuan baru: &lt;b&gt;berbagi&lt;/b&gt; data.", front, StringComparison.Ordinal);
        await using var db = app.Database.Open();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(CommunityPage) && a.Actor == "admin", Ct));

        var member = await app.SignInAsync("anggota");
        var refused = await member.GetAsync("/komunitas/admin/halaman/tujuan", Ct);
        Assert.StartsWith("/akun/ditolak", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Member_DownloadsTheirData_ThenDeletesIt_AndRepliesStayReadable(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);
        var (member, _) = await site.RegisterAsync("Joko Susilo", "joko@contoh.id");
        var moderator = await site.SignInAsync("moderator");
        await site.CommentAsync(member, 5, "Pendapat Joko tentang kontrak tim.");
        int id;
        await using (var db = site.Open())
            id = await db.Comments.Where(c => c.AuthorName == "Joko Susilo").Select(c => c.Id).SingleAsync(Ct);
        await KinerjaApp.PostFormAsync(moderator, $"/komunitas/moderasi?handler=Setujui&id={id}", new(), "/komunitas/moderasi");
        await site.CommentAsync(moderator, 5, "Tanggapan moderator untuk Joko.", id);

        var download = await KinerjaApp.PostFormAsync(member, "/komunitas/akun?handler=Unduh", new(), "/komunitas/akun");
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        using (var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync(Ct)))
        {
            Assert.Equal("joko@contoh.id", json.RootElement.GetProperty("akun").GetProperty("Email").GetString());
            Assert.Equal("Pendapat Joko tentang kontrak tim.", json.RootElement.GetProperty("komentar")[0].GetProperty("Body").GetString());
            Assert.Contains("melalui e-mail", json.RootElement.GetProperty("persetujuan")[0].GetProperty("kalimat").GetString(), StringComparison.Ordinal);
        }

        var deleted = await KinerjaApp.PostFormAsync(member, "/komunitas/akun?handler=Hapus", new() { ["yakin"] = "true" }, "/komunitas/akun");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = site.Open())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "joko@contoh.id", Ct));
            Assert.False(await db.CommunityMembers.AnyAsync(m => m.User!.Email == "joko@contoh.id", Ct));
            Assert.False(await db.Comments.AnyAsync(c => c.AuthorName == "Joko Susilo" || c.Body.Contains("Pendapat Joko"), Ct));
        }
        var page = await site.Browser().GetStringAsync("/komunitas/diskusi/5", Ct);
        Assert.Contains("Tanggapan moderator untuk Joko.", page, StringComparison.Ordinal);
        Assert.Contains("Komentar ini telah dihapus.", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWorkAccount_DeletingItsCommunityData_KeepsTheAccountAndItsContract(DatabaseProvider provider)
    {
        // The contract worker of Moyudan has the Anggota role too, but the account belongs to the puskesmas.
        await using var site = await KomunitasSite.StartAsync(provider);
        var worker = await site.SignInAsync("promkes");
        Assert.Contains("Akun kerja Anda di instansi tetap ada", await worker.GetStringAsync("/komunitas/akun", Ct), StringComparison.Ordinal);
        await site.CommentAsync(worker, 5, "Catatan tenaga promkes Moyudan.");
        await using (var db = site.Open())
            Assert.True(await db.Comments.AnyAsync(c => c.Body.Contains("Catatan tenaga promkes"), Ct));

        var deleted = await KinerjaApp.PostFormAsync(worker, "/komunitas/akun?handler=Hapus", new() { ["yakin"] = "true" }, "/komunitas/akun");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using (var db = site.Open())
        {
            var account = await db.Users.SingleAsync(u => u.UserName == "promkes", Ct);
            Assert.True(await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.WorkerUserId == account.Id, Ct));
            Assert.False(await db.CommunityMembers.AnyAsync(m => m.UserId == account.Id, Ct));
            Assert.False(await db.Comments.AnyAsync(c => c.Body.Contains("Catatan tenaga promkes"), Ct));
        }

        await site.SignInAsync("promkes"); // still signs in
    }
}
