using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kinerja.Data;

/// <summary>The embedded default; its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteKinerjaDb(DbContextOptions<SqliteKinerjaDb> options, ICurrentActor? actor = null, TimeProvider? clock = null)
    : KinerjaDb(options, actor, clock);

/// <summary>For real deployments; its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresKinerjaDb(DbContextOptions<PostgresKinerjaDb> options, ICurrentActor? actor = null, TimeProvider? clock = null)
    : KinerjaDb(options, actor, clock);

// Used only by `dotnet ef migrations add`: the connection is never opened.
sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteKinerjaDb>
{
    public SqliteKinerjaDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKinerjaDb>().UseSqlite("Data Source=design.db").Options);
}

sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresKinerjaDb>
{
    public PostgresKinerjaDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKinerjaDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
