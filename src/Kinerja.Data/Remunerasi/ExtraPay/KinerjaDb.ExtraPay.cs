using Kinerja.Data.Remunerasi.ExtraPay;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

public abstract partial class KinerjaDb
{
    public DbSet<ExtraPayRun> ExtraPayRuns => Set<ExtraPayRun>();

    public DbSet<ExtraPayLine> ExtraPayLines => Set<ExtraPayLine>();

    public DbSet<ExtraPayCeiling> ExtraPayCeilings => Set<ExtraPayCeiling>();

    /// <summary>
    /// The extra-pay guard joins every save (an interceptor: the save path of this context is shared, and the guard
    /// must hold for pages, the CLI and tests alike).
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(ExtraPayGuard.Instance);
        base.OnConfiguring(optionsBuilder);
    }
}
