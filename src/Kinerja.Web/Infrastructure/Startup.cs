using System.Globalization;
using Kinerja.Data;
using Kinerja.Data.Demo;
using Kinerja.Data.Identity;
using Kinerja.Web.Features.Community;
using Kinerja.Web.Features.Kontrak;
using Kinerja.Web.Features.MyPay;
using Kinerja.Web.Features.Runs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kinerja.Web.Infrastructure;

public static class Startup
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("id-ID"), CultureInfo.GetCultureInfo("en")];

    public static void AddKinerja(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, WebActor>();
        services.AddKinerjaDb(DatabaseSettings.From(builder.Configuration));
        // Keys beside the database so sign-ins and anti-forgery tokens survive a restart.
        services.AddDataProtection()
            .SetApplicationName("Kinerja")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseSettings.DataDirectory(builder.Configuration), "keys")));

        services.AddIdentity<AppUser, IdentityRole>(Accounts.ConfigureIdentity)
            .AddEntityFrameworkStores<KinerjaDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<KinerjaClaimsFactory>();
        services.AddScoped<Accounts>();
        // The cookie's claims (institution, visible institutions, roles) are checked against the account every minute
        // rather than Identity's 30: a lock, or a change an administrator makes, reaches an open session quickly.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/akun/masuk";
            o.LogoutPath = "/akun/keluar";
            o.AccessDeniedPath = "/akun/ditolak";
            o.Cookie.Name = "kinerja";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null); // pages opt in with [Authorize]; public pages stay public

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Home", "").AllowAnonymousToPage("/Home/Index");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, ValidationMessages>();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddKomunitas(builder.Configuration);
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<ExpiryAlerts>();
        services.AddHostedService<ExpiryAlertsWorker>();
        services.AddRemunerasi();
    }

    /// <summary>First start: creates the database, and seeds the demo when enabled and the database is empty.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KinerjaDb>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Kinerja");
        await Migrator.MigrateAsync(db);
        log.LogInformation("Basis data / database: {Database}", settings.Describe());
        if (app.Configuration.GetValue<bool>("Demo:Enabled") && await DemoSeeder.SeedAsync(db))
            log.LogInformation("Data demo dimuat / demo data seeded. Akun demo / demo accounts: {Accounts}, kata sandi / password {Password}",
                string.Join(", ", DemoSeeder.Accounts.Select(a => a.UserName)), DemoSeeder.DemoPassword);
    }

    public static void UseKinerja(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseExceptionHandler("/galat");
        app.UseStatusCodePagesWithReExecute("/galat", "?code={0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            await next();
        });
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        });
        app.MapGet("/bahasa/{culture}", (string culture, string? kembali, HttpContext http) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            // Only a path on this site: "//host" and "/\\host" are other sites to a browser.
            var local = kembali is ['/', not ('/' or '\\'), ..] or "/";
            return Results.LocalRedirect(local ? kembali! : "/");
        });
        app.MapRazorPages();
        app.MapKomunitasEndpoints();
        app.MapKontrakEndpoints();
        app.MapRemunerasiEndpoints();
        app.MapMyPayEndpoints();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                app.Logger.LogInformation("Kinerja siap / ready: {Address}", address);
        });
    }
}

sealed class DatabaseHealthCheck(KinerjaDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Basis data tidak menjawab / database does not answer");
}
