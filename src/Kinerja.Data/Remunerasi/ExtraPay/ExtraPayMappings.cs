using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Remunerasi.ExtraPay;

sealed class ExtraPayRunMapping : IEntityTypeConfiguration<ExtraPayRun>
{
    public void Configure(EntityTypeBuilder<ExtraPayRun> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.Year });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.UntilPeriod).HasMaxLength(7);
        e.Property(x => x.SourceRuns).HasMaxLength(2000);
        e.Property(x => x.Cluster).HasMaxLength(5);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.CalculatedBy).HasMaxLength(256);
        e.Property(x => x.VerifiedBy).HasMaxLength(256);
        e.Property(x => x.ApprovedBy).HasMaxLength(256);
        e.Property(x => x.PaidBy).HasMaxLength(256);
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.IsFinal);
        e.Ignore(x => x.IsCash);
    }
}

sealed class ExtraPayLineMapping : IEntityTypeConfiguration<ExtraPayLine>
{
    public void Configure(EntityTypeBuilder<ExtraPayLine> e)
    {
        e.HasIndex(x => new { x.RunId, x.Ordinal });
        e.HasIndex(x => new { x.InstitutionId, x.StaffCode });
        e.Property(x => x.StaffCode).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Category).HasMaxLength(40);
        e.Property(x => x.Unit).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
    }
}

sealed class ExtraPayCeilingMapping : IEntityTypeConfiguration<ExtraPayCeiling>
{
    public void Configure(EntityTypeBuilder<ExtraPayCeiling> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.Cluster }).IsUnique();
        e.Property(x => x.Cluster).HasMaxLength(5);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
