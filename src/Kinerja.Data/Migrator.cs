using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

public static class Migrator
{
    /// <summary>Applies the provider's migrations; on SQLite also switches to WAL so readers don't block the writer.</summary>
    public static async Task MigrateAsync(KinerjaDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
