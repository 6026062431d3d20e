using Kinerja.Data;
using Npgsql;

namespace Kinerja.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database on a real provider: a SQLite file always; a PostgreSQL database on the
/// server named by KINERJA_TEST_POSTGRES when it is set. Without it the PostgreSQL cases are skipped,
/// never faked, and CI (KINERJA_REQUIRE_POSTGRES=1) makes a missing server a failure.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Theory data: run a data test once per provider.</summary>
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    readonly string? postgresAdmin;
    readonly string? postgresName;

    TestDatabase(DatabaseSettings settings, string directory, string? postgresAdmin = null, string? postgresName = null)
    {
        Settings = settings;
        Directory = directory;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>A scratch folder for this database's files (SQLite file, data-protection keys, uploads).</summary>
    public string Directory { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "kinerja-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite)
            return new TestDatabase(new DatabaseSettings(provider, $"Data Source={Path.Combine(directory, "kinerja.db")}"), directory);

        var admin = Environment.GetEnvironmentVariable("KINERJA_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (Environment.GetEnvironmentVariable("KINERJA_REQUIRE_POSTGRES") == "1")
                Assert.Fail("KINERJA_TEST_POSTGRES is not set, but KINERJA_REQUIRE_POSTGRES=1 requires the PostgreSQL tests to run.");
            Assert.Skip("PostgreSQL tidak tersedia / not available: set KINERJA_TEST_POSTGRES to run this case.");
        }
        var name = "kinerja_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(new DatabaseSettings(provider, connectionString), directory, admin, name);
    }

    /// <summary>A context on this database, acting as <paramref name="actor"/> (the system by default).</summary>
    public KinerjaDb Open(ICurrentActor? actor = null, TimeProvider? clock = null) =>
        DatabaseServiceCollectionExtensions.Create(Settings, actor, clock);

    /// <summary>Creates the schema through the real migrations.</summary>
    public async Task<TestDatabase> MigrateAsync()
    {
        await using var db = Open();
        await Migrator.MigrateAsync(db);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves litter in /tmp; not worth failing a test over.
        }
    }
}
