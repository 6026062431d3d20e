using Kinerja.Data;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Cli;

/// <summary>
/// The same configuration keys as the web app (Database:Provider, ConnectionStrings:Kinerja,
/// Database:DataDirectory): an optional appsettings.json beside the program, then environment
/// variables (Database__Provider, ConnectionStrings__Kinerja), so both see the same database.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Load() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static KinerjaDb OpenDatabase(IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        return DatabaseServiceCollectionExtensions.Create(settings, new SystemActor($"cli:{Environment.UserName}"));
    }
}
