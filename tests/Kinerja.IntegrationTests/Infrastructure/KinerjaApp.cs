using System.Net;
using System.Text.RegularExpressions;
using Kinerja.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kinerja.IntegrationTests.Infrastructure;

/// <summary>
/// The real web app (Program.cs, real middleware, real database) on a <see cref="TestDatabase"/>,
/// seeded with the demo. Requests go through the in-memory test server.
/// </summary>
public sealed partial class KinerjaApp(TestDatabase database) : WebApplicationFactory<Program>
{
    // Many hosts live at once in a test run; each would watch its config files through inotify, whose
    // per-user limit (128 instances by default) runs out. Tests never edit those files: don't watch them.
    static KinerjaApp()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public TestDatabase Database { get; } = database;

    public static async Task<KinerjaApp> StartAsync(DatabaseProvider provider)
    {
        var app = new KinerjaApp(await TestDatabase.CreateAsync(provider));
        _ = app.Server; // starts the host: migrations and demo seed run now
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Settings.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Kinerja", Database.Settings.ConnectionString);
        builder.UseSetting("Database:DataDirectory", Database.Directory);
        builder.UseSetting("Demo:Enabled", "true");
        // The background workers (outbox, contract expiry) would write on the real clock beside the test: tests call them.
        builder.UseSetting("Alerts:WorkerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Browser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the login form, as a person would; returns the signed-in client.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = Kinerja.Data.Demo.DemoSeeder.DemoPassword)
    {
        var client = Browser();
        var response = await PostFormAsync(client, "/akun/masuk", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GETs the form page, takes its anti-forgery token, and posts the fields to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        fields["__RequestVerificationToken"] = AntiForgeryToken(page);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static string AntiForgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No anti-forgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
