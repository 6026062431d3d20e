using System.Linq.Expressions;
using System.Text.Json;
using Kinerja.Data.Audit;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kinerja.Data;

/// <summary>
/// The one DbContext. Each part of the product adds its sets in its own partial file
/// (Remunerasi/, Kontrak/, Community/) and its mappings as IEntityTypeConfiguration classes.
/// The provider subclasses (<see cref="SqliteKinerjaDb"/>, <see cref="PostgresKinerjaDb"/>) exist
/// only so that each provider has its own migrations set.
/// </summary>
public abstract partial class KinerjaDb : IdentityDbContext<AppUser>
{
    readonly ICurrentActor actor;
    readonly TimeProvider clock;

    protected KinerjaDb(DbContextOptions options, ICurrentActor? actor, TimeProvider? clock)
        : base(options)
    {
        this.actor = actor ?? new SystemActor("system");
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Read by the query filters at each query; null shows every institution's rows. Read from the actor each time, not
    /// once at construction: Identity's cookie validation creates the request's context before the user is known.
    /// </summary>
    internal int[]? VisibleInstitutionIds => actor.VisibleInstitutionIds switch { null => null, int[] ids => ids, var ids => ids.ToArray() };

    public ICurrentActor Actor => actor;

    public TimeProvider Clock => clock;

    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KinerjaDb).Assembly);

        builder.Entity<Institution>(e =>
        {
            e.HasIndex(i => i.Code).IsUnique();
            e.Property(i => i.Code).HasMaxLength(40);
            e.Property(i => i.Name).HasMaxLength(200);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.KmkCluster).HasMaxLength(5);
        });
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
            e.Property(u => u.StaffCode).HasMaxLength(40);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Entity, a.EntityKey });
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Entity).HasMaxLength(100);
            e.Property(a => a.EntityKey).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(20);
        });

        foreach (var type in builder.Model.GetEntityTypes()
                     .Where(t => typeof(IInstitutionOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            builder.Entity(type.ClrType).HasQueryFilter(InstitutionFilter(type.ClrType));
        }
    }

    // e => VisibleInstitutionIds == null || VisibleInstitutionIds.Contains(e.InstitutionId);
    // referencing the context's property makes EF treat it as a per-context parameter.
    LambdaExpression InstitutionFilter(Type clrType)
    {
        var e = Expression.Parameter(clrType, "e");
        var ids = Expression.Property(Expression.Constant(this), nameof(VisibleInstitutionIds));
        var institutionId = Expression.Property(e, nameof(IInstitutionOwned.InstitutionId));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], ids, institutionId);
        return Expression.Lambda(Expression.OrElse(Expression.Equal(ids, Expression.Constant(null, typeof(int[]))), contains), e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves, and writes an audit entry for every change of an <see cref="IAudited"/> entity, in the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await GuardRemunerasiChangesAsync(cancellationToken);
        var changes = ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, Action: e.State.ToString(), Before: Snapshot(e, original: true), After: Snapshot(e, original: false)))
            .ToList();
        if (changes.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var at = clock.GetUtcNow().UtcDateTime;
            // Keys of added rows are known only after the first save.
            AuditEntries.AddRange(changes.Select(c => new AuditEntry
            {
                At = at,
                Actor = actor.Name,
                InstitutionId = (c.Entry.Entity as IInstitutionOwned)?.InstitutionId ?? actor.InstitutionId,
                Entity = c.Entry.Metadata.ClrType.Name,
                EntityKey = string.Join("/", c.Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => c.Entry.Property(p.Name).CurrentValue)),
                Action = c.Action,
                Before = c.Action == "Added" ? null : c.Before,
                // An added row's key (and other store-generated values) exist only now.
                After = c.Action switch { "Deleted" => null, "Added" => Snapshot(c.Entry, original: false), _ => c.After },
            }));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
        }
    }

    // Enums as their names: the audit is read by people (Status "Paid", not 3).
    static readonly JsonSerializerOptions AuditJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    static string Snapshot(EntityEntry entry, bool original)
    {
        var props = entry.Properties
            .Where(p => entry.State != EntityState.Modified || p.IsModified || p.Metadata.IsPrimaryKey())
            .ToDictionary(p => p.Metadata.Name, p => original && entry.State != EntityState.Added ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(props, AuditJson);
    }
}
