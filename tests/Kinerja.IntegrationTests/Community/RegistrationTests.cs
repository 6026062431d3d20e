using System.Net;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web.Features.Community;
using Kinerja.Web.Features.Community.Alerts;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Community;

/// <summary>Open registration with consent per channel, and the spam defences of issue 7 §5.</summary>
public class RegistrationTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Dictionary<string, string> Fields(string email) => new()
    {
        ["Input.FullName"] = "Pendaftar Uji",
        ["Input.Email"] = email,
        ["Input.Organisation"] = "Universitas Gadjah Mada",
        ["Input.Category"] = "PenelitiAkademisi",
        ["Input.EmailAlerts"] = "true",
        ["Input.Password"] = "Rahasia#2016",
        ["Input.Confirm"] = "Rahasia#2016",
    };

    static async Task<bool> RegisteredAsync(KomunitasSite site, string email)
    {
        await using var db = site.Open();
        return await db.Users.AnyAsync(u => u.Email == email, Ct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EmailAlerts_WaitForTheAddressToBeConfirmed_FromTheLinkInTheMail(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);
        var (member, _) = await site.RegisterAsync("Tari Anggraini", "tari@contoh.id", emailAlerts: true, confirm: false);
        Assert.Contains("belum dikonfirmasi", WebUtility.HtmlDecode(await member.GetStringAsync("/komunitas/akun", Ct)), StringComparison.Ordinal);
        var moderator = await site.SignInAsync("moderator");
        async Task<int> AlertsToTariAsync(string number, string title)
        {
            var opened = await KinerjaApp.PostFormAsync(moderator, "/komunitas/admin/periode", new()
            {
                ["Input.Number"] = number, ["Input.Title"] = title, ["Input.StartsOn"] = "2016-04-10", ["Input.EndsOn"] = "2016-05-31",
            }, "/komunitas/admin/periode");
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            await using var db = site.Open();
            return await db.OutboxMessages.CountAsync(m => m.Recipient == "tari@contoh.id" && m.Template == AlertTemplates.NewPeriod, Ct);
        }

        // Not confirmed: the new period's alert does not go to the address someone typed.
        Assert.Equal(0, await AlertsToTariAsync("6", "Diskusi Tahap II"));

        // A forged token is refused; asking again at once is held back.
        var forged = await KinerjaApp.PostFormAsync(member, "/komunitas/konfirmasi-email?akun=x&token=palsu", [], "/komunitas/konfirmasi-email?akun=x&token=palsu");
        Assert.Contains("tidak berlaku atau sudah kedaluwarsa", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var again = await KinerjaApp.PostFormAsync(member, "/komunitas/akun?handler=Konfirmasi", [], "/komunitas/akun");
        Assert.Contains("tunggu 10 menit", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var confirmed = await site.ConfirmEmailAsync(member, "tari@contoh.id");
        Assert.Contains("sudah dikonfirmasi", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.DoesNotContain("belum dikonfirmasi", WebUtility.HtmlDecode(await member.GetStringAsync("/komunitas/akun", Ct)), StringComparison.Ordinal);
        Assert.Equal(1, await AlertsToTariAsync("7", "Diskusi Tahap III"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registration_CreatesAnggotaInCommunity_WithConsentPerChannelRecorded(DatabaseProvider provider)
    {
        await using var site = await KomunitasSite.StartAsync(provider);
        var (client, response) = await site.RegisterAsync("Ahmad Fauzi", "ahmad@contoh.id", emailAlerts: true, whatsApp: "0812-2700-1234", whatsAppAlerts: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var db = site.Open())
        {
            var user = await db.Users.Include(u => u.Institution).SingleAsync(u => u.Email == "ahmad@contoh.id", Ct);
            Assert.Equal("KOMUNITAS", user.Institution!.Code);
            var role = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync(Ct);
            Assert.Equal(Roles.Anggota, role);
            var member = await db.CommunityMembers.Include(m => m.Consents).SingleAsync(m => m.UserId == user.Id, Ct);
            Assert.Equal(("Dinas Kesehatan Kabupaten Bantul", MemberCategory.Pemerintah), (member.Organisation, member.Category));
            Assert.Equal("6281227001234", member.WhatsAppNumber);
            Assert.True(member.EmailAlerts && member.WhatsAppAlerts);
            Assert.Equal(2, member.Consents.Count);
            Assert.Contains(member.Consents, c => c is { Channel: AlertChannel.Email, Granted: true, Source: "pendaftaran" } && c.Wording == Membership.EmailConsentWording);
            Assert.Contains(member.Consents, c => c is { Channel: AlertChannel.WhatsApp, Granted: true } && c.Wording == Membership.WhatsAppConsentWording);
            Assert.All(member.Consents, c => Assert.Equal(site.Clock.GetUtcNow().UtcDateTime, DateTime.SpecifyKind(c.At, DateTimeKind.Utc)));
        }

        // Changing it on the account page is recorded too; the history is shown.
        var saved = await Infrastructure.KinerjaApp.PostFormAsync(client, "/komunitas/akun?handler=Simpan", new()
        {
            ["Input.Organisation"] = "Universitas Gadjah Mada", ["Input.Category"] = "PenelitiAkademisi",
            ["Input.WhatsApp"] = "0812-2700-1234", ["Input.EmailAlerts"] = "true", ["Input.WhatsAppAlerts"] = "false",
        }, "/komunitas/akun");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var account = WebUtility.HtmlDecode(await client.GetStringAsync("/komunitas/akun", Ct));
        Assert.Contains("Dicabut", account, StringComparison.Ordinal);
        await using (var db = site.Open())
        {
            var member = await db.CommunityMembers.Include(m => m.Consents).SingleAsync(m => m.User!.Email == "ahmad@contoh.id", Ct);
            Assert.False(member.WhatsAppAlerts);
            Assert.Equal(MemberCategory.PenelitiAkademisi, member.Category);
            Assert.Equal([true, false], member.Consents.Where(c => c.Channel == AlertChannel.WhatsApp).OrderBy(c => c.Id).Select(c => c.Granted));
        }
    }

    [Fact]
    public async Task Registration_BurstOf50FromOneAddress_IsThrottledWith429()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var statuses = new List<HttpStatusCode>();
        string? refusal = null;
        for (var i = 0; i < 50; i++)
        {
            var response = await site.PostGuardedAsync(site.Browser(), "/komunitas/daftar", "/komunitas/daftar", Fields($"ledakan{i}@contoh.id"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refusal ??= WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Contains("Terlalu banyak pendaftaran dari alamat Anda", refusal, StringComparison.Ordinal);
        await using var db = site.Open();
        Assert.Equal(10, await db.Users.CountAsync(u => u.Email!.StartsWith("ledakan"), Ct));
    }

    [Fact]
    public async Task Registration_PostedUnderTwoSeconds_IsRefused()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var response = await site.PostGuardedAsync(site.Browser(), "/komunitas/daftar", "/komunitas/daftar", Fields("cepat@contoh.id"), wait: TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Formulir dikirim terlalu cepat", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await RegisteredAsync(site, "cepat@contoh.id"));
    }

    [Fact]
    public async Task Registration_WithHoneypotFilled_IsRefused()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var fields = Fields("robot@contoh.id");
        fields[FormGuard.HoneypotField] = "http://spam.example";
        var response = await site.PostGuardedAsync(site.Browser(), "/komunitas/daftar", "/komunitas/daftar", fields);
        Assert.Contains("Formulir ditolak sebagai spam", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await RegisteredAsync(site, "robot@contoh.id"));
    }

    [Fact]
    public async Task Registration_WithWrongProofOfWork_IsRefused()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var fields = Fields("palsu@contoh.id");
        fields[FormGuard.NonceField] = "12345678"; // almost never a solution at 16 bits
        var response = await site.PostGuardedAsync(site.Browser(), "/komunitas/daftar", "/komunitas/daftar", fields);
        Assert.Contains("Pemeriksaan anti-spam gagal", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await RegisteredAsync(site, "palsu@contoh.id"));
    }

    [Fact]
    public async Task Registration_WithoutJavaScript_IsAcceptedAfterTheLongerWait()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var early = await site.PostGuardedAsync(site.Browser(), "/komunitas/daftar", "/komunitas/daftar", Fields("tanpajs@contoh.id"), solve: false);
        Assert.Contains("Tanpa JavaScript, tunggu 15 detik", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await RegisteredAsync(site, "tanpajs@contoh.id"));

        var patient = await site.PostGuardedAsync(site.Browser(), "/komunitas/daftar", "/komunitas/daftar", Fields("tanpajs@contoh.id"),
            wait: TimeSpan.FromSeconds(16), solve: false);
        Assert.Equal(HttpStatusCode.Redirect, patient.StatusCode);
        Assert.True(await RegisteredAsync(site, "tanpajs@contoh.id"));
    }

    [Fact]
    public async Task Registration_ReplayingASolvedStamp_IsRefused()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var client = site.Browser();
        var html = await client.GetStringAsync("/komunitas/daftar", Ct);
        var stamp = KomunitasSite.Stamp(html);
        var nonce = FormGuard.Solve(stamp, 16);
        site.Clock.Advance(TimeSpan.FromSeconds(3));
        // The anti-forgery cookie belongs to the first client; replay from it.
        var fieldsA = Fields("pertama@contoh.id");
        fieldsA["__RequestVerificationToken"] = Infrastructure.KinerjaApp.AntiForgeryToken(html);
        fieldsA[FormGuard.StampField] = stamp;
        fieldsA[FormGuard.NonceField] = nonce;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/komunitas/daftar", new FormUrlEncodedContent(fieldsA), Ct)).StatusCode);

        // Another client with its own anti-forgery pair replays the solved stamp.
        var replay = site.Browser();
        var replayPage = await replay.GetStringAsync("/komunitas/daftar", Ct);
        var fieldsB = Fields("kedua@contoh.id");
        fieldsB["__RequestVerificationToken"] = Infrastructure.KinerjaApp.AntiForgeryToken(replayPage);
        fieldsB[FormGuard.StampField] = stamp;
        fieldsB[FormGuard.NonceField] = nonce;
        var response = await replay.PostAsync("/komunitas/daftar", new FormUrlEncodedContent(fieldsB), Ct);
        Assert.Contains("Formulir ini sudah dikirim", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(await RegisteredAsync(site, "kedua@contoh.id"));
    }

    [Fact]
    public async Task Registration_WithoutAntiForgeryToken_IsRefused()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var response = await site.Browser().PostAsync("/komunitas/daftar", new FormUrlEncodedContent(Fields("csrf@contoh.id")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await RegisteredAsync(site, "csrf@contoh.id"));
    }
}
