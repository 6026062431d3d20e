using System.Net;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Kinerja.IntegrationTests.Infrastructure;
using Kinerja.Web.Features.Community;
using Kinerja.Web.Features.Community.Alerts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kinerja.IntegrationTests.Community;

/// <summary>
/// The whole app on a real database with demo data, a clock the test moves (the form time check,
/// the edit window and period dates depend on it), a test SMTP server and a stand-in WhatsApp API.
/// The outbox worker is off: tests call <see cref="OutboxProcessor.ProcessDueAsync"/> themselves.
/// </summary>
public sealed partial class KomunitasSite : IAsyncDisposable
{
    public const string PhoneNumberId = "1029384756";
    public const string WhatsAppToken = "token-uji";

    readonly KinerjaApp app;
    readonly WebApplicationFactory<Program> site;

    KomunitasSite(KinerjaApp app, WebApplicationFactory<Program> site, FakeTimeProvider clock, SmtpTestServer smtp, WhatsAppTestServer whatsApp)
    {
        this.app = app;
        this.site = site;
        Clock = clock;
        Smtp = smtp;
        WhatsApp = whatsApp;
    }

    public FakeTimeProvider Clock { get; }

    public SmtpTestServer Smtp { get; }

    public WhatsAppTestServer WhatsApp { get; }

    public TestDatabase Database => app.Database;

    public IServiceProvider Services => site.Services;

    /// <summary>10 April 2016, 10:00 WIB: the 2016 Tahap I period is open.</summary>
    public static readonly DateTimeOffset April2016 = new(2016, 4, 10, 3, 0, 0, TimeSpan.Zero);

    public static async Task<KomunitasSite> StartAsync(DatabaseProvider provider, DateTimeOffset? now = null,
        Dictionary<string, string>? settings = null)
    {
        var clock = new FakeTimeProvider(now ?? April2016);
        var smtp = new SmtpTestServer();
        var whatsApp = await WhatsAppTestServer.StartAsync();
        var app = new KinerjaApp(await TestDatabase.CreateAsync(provider));
        var site = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Alerts:WorkerEnabled", "false");
            b.UseSetting("Alerts:PublicBaseUrl", "https://kinerja.test");
            b.UseSetting("Alerts:Smtp:Host", "127.0.0.1");
            b.UseSetting("Alerts:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Alerts:Smtp:Security", "None");
            b.UseSetting("Alerts:WhatsApp:BaseAddress", whatsApp.BaseAddress);
            b.UseSetting("Alerts:WhatsApp:PhoneNumberId", PhoneNumberId);
            b.UseSetting("Alerts:WhatsApp:Token", WhatsAppToken);
            foreach (var (key, value) in settings ?? [])
                b.UseSetting(key, value);
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        _ = site.Server;
        return new KomunitasSite(app, site, clock, smtp, whatsApp);
    }

    public HttpClient Browser() =>
        site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public KinerjaDb Open() => app.Database.Open(clock: Clock);

    public Task<int> ProcessOutboxAsync() => Services.GetRequiredService<OutboxProcessor>().ProcessDueAsync();

    public async Task<HttpClient> SignInAsync(string userName, string password = Kinerja.Data.Demo.DemoSeeder.DemoPassword)
    {
        var client = Browser();
        var response = await KinerjaApp.PostFormAsync(client, "/akun/masuk", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// Posts a guarded form as a person with a browser would: GET it, wait <paramref name="wait"/>
    /// (on the test clock), solve the proof of work when <paramref name="solve"/>, and post.
    /// </summary>
    public async Task<HttpResponseMessage> PostGuardedAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields,
        TimeSpan? wait = null, bool solve = true)
    {
        var html = await client.GetStringAsync(formPage);
        var stamp = Stamp(html);
        fields["__RequestVerificationToken"] = KinerjaApp.AntiForgeryToken(html);
        fields[FormGuard.StampField] = stamp;
        fields.TryAdd(FormGuard.NonceField, solve ? FormGuard.Solve(stamp, Bits(html)) : "");
        fields.TryAdd(FormGuard.HoneypotField, "");
        Clock.Advance(wait ?? TimeSpan.FromSeconds(3));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Registers a new member through /komunitas/daftar and, unless <paramref name="confirm"/> is false, confirms the
    /// e-mail address from the mail as the member would; the client is signed in afterwards.
    /// </summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> RegisterAsync(string name, string email, bool emailAlerts = true,
        string? whatsApp = null, bool whatsAppAlerts = false, bool confirm = true)
    {
        var client = Browser();
        var response = await PostGuardedAsync(client, "/komunitas/daftar", "/komunitas/daftar", new()
        {
            ["Input.FullName"] = name,
            ["Input.Email"] = email,
            ["Input.Organisation"] = "Dinas Kesehatan Kabupaten Bantul",
            ["Input.Category"] = "Pemerintah",
            ["Input.WhatsApp"] = whatsApp ?? "",
            ["Input.EmailAlerts"] = emailAlerts ? "true" : "false",
            ["Input.WhatsAppAlerts"] = whatsAppAlerts ? "true" : "false",
            ["Input.Password"] = "Rahasia#2016",
            ["Input.Confirm"] = "Rahasia#2016",
        });
        if (confirm && response.StatusCode == HttpStatusCode.Redirect)
            await ConfirmEmailAsync(client, email);
        return (client, response);
    }

    /// <summary>
    /// Sends the outbox, opens the confirmation link in the member's mail and presses Konfirmasi. The confirmation
    /// mail then leaves the test mailbox, so a test counts only the alerts it is about.
    /// </summary>
    public async Task<HttpResponseMessage> ConfirmEmailAsync(HttpClient client, string email)
    {
        await ProcessOutboxAsync();
        var mail = Smtp.Messages.Last(m => m.To.Single() == email && m.Header("Subject").StartsWith("Konfirmasi", StringComparison.Ordinal));
        var link = ConfirmLinkPattern().Match(mail.Body).Groups[1].Value;
        var response = await KinerjaApp.PostFormAsync(client, link, [], link);
        var others = Smtp.Messages.Where(m => !ReferenceEquals(m, mail)).ToList();
        Smtp.Messages.Clear();
        foreach (var m in others)
            Smtp.Messages.Enqueue(m);
        return response;
    }

    [GeneratedRegex(@"https://kinerja\.test(/komunitas/konfirmasi-email\?\S+)")]
    private static partial Regex ConfirmLinkPattern();

    /// <summary>Posts a comment (or a reply) on a period page.</summary>
    public Task<HttpResponseMessage> CommentAsync(HttpClient client, int period, string body, int? replyTo = null) =>
        PostGuardedAsync(client, $"/komunitas/diskusi/{period}" + (replyTo is int r ? $"?balas={r}" : ""),
            $"/komunitas/diskusi/{period}?handler=Komentar", new()
            {
                ["Input.Body"] = body,
                ["Input.ParentId"] = replyTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            });

    public static string Stamp(string html) =>
        WebUtility.HtmlDecode(StampPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No form stamp in the page."));

    static int Bits(string html) => int.Parse(BitsPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"_stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampPattern();

    [GeneratedRegex("data-pow-bits=\"(\\d+)\"")]
    private static partial Regex BitsPattern();

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        await app.DisposeAsync();
        await Smtp.DisposeAsync();
        await WhatsApp.DisposeAsync();
    }
}
