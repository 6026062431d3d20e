using Kinerja.Web.Features.Community.Alerts;

namespace Kinerja.Web.Features.Community;

public static class KomunitasServices
{
    /// <summary>Everything Masyarakat Praktisi needs; one line in Startup.AddKinerja.</summary>
    public static IServiceCollection AddKomunitas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.Configure<KomunitasOptions>(configuration.GetSection("Komunitas"));
        services.Configure<AlertOptions>(configuration.GetSection("Alerts"));
        services.AddSingleton<FormGuard>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<AlertWriter>();
        services.AddScoped<FileStore>();
        services.AddSingleton<IAlertChannel, SmtpChannel>();
        services.AddHttpClient(nameof(WhatsAppChannel), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IAlertChannel, WhatsAppChannel>();
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }

    /// <summary>The feature's endpoints that are not pages (file downloads); one line in Startup.UseKinerja.</summary>
    public static IEndpointRouteBuilder MapKomunitasEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/komunitas/perpustakaan/berkas/{id:int}", LibraryDownload.HandleAsync).AllowAnonymous();
        return endpoints;
    }
}
