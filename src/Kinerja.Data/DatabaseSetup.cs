using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Reads `Database:Provider` and `ConnectionStrings:Kinerja` (so `Database__Provider` and
/// `ConnectionStrings__Kinerja` work as environment variables), the same for the web app and the CLI.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var p) ? p
            : providerText.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres
            : throw new InvalidOperationException(
                $"Database:Provider '{providerText}' tidak dikenal; pakai Sqlite atau Postgres / unknown provider, use Sqlite or Postgres.");

        var connection = configuration.GetConnectionString("Kinerja");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException(
                    "ConnectionStrings:Kinerja wajib diisi untuk PostgreSQL / is required for PostgreSQL.");
            connection = $"Data Source={Path.Combine(DataDirectory(configuration), "kinerja.db")}";
        }
        return new DatabaseSettings(provider, connection);
    }

    /// <summary>
    /// The SQLite file lives outside the source tree: `Database:DataDirectory`, else the user's
    /// local data folder (~/.local/share/kinerja on Linux).
    /// </summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        var dir = configuration["Database:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dir))
            dir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "kinerja");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite ({ConnectionString.Replace("Data Source=", "", StringComparison.Ordinal)})"
        : "PostgreSQL";
}

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="KinerjaDb"/> on the configured provider.</summary>
    public static IServiceCollection AddKinerjaDb(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
            services.AddDbContext<KinerjaDb, SqliteKinerjaDb>(o => o.UseSqlite(settings.ConnectionString));
        else
            services.AddDbContext<KinerjaDb, PostgresKinerjaDb>(o => o.UseNpgsql(settings.ConnectionString));
        return services;
    }

    /// <summary>Options for a context built by hand (CLI, tests).</summary>
    public static KinerjaDb Create(DatabaseSettings settings, ICurrentActor? actor = null, TimeProvider? clock = null) =>
        settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteKinerjaDb(new DbContextOptionsBuilder<SqliteKinerjaDb>().UseSqlite(settings.ConnectionString).Options, actor, clock)
            : new PostgresKinerjaDb(new DbContextOptionsBuilder<PostgresKinerjaDb>().UseNpgsql(settings.ConnectionString).Options, actor, clock);
}
