using Kinerja.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kinerja.Data.Remunerasi;

// Mappings of the Remunerasi entities. Codes are short; money and ratios are decimals (numeric on PostgreSQL,
// text on SQLite: never summed or compared in SQL, see CONVENTIONS.md).

static class Codes
{
    public const int Code = 40;
    public const int Name = 200;
    public const int Period = 7;
    public const int Text = 2000;

    /// <summary>JKN / NON_JKN, as in the case JSON and the CSV files.</summary>
    public static readonly ValueConverter<Payer, string> PayerConverter =
        new(p => p == Payer.Jkn ? "JKN" : "NON_JKN", s => s == "JKN" ? Payer.Jkn : Payer.NonJkn);
}

sealed class StaffMapping : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> e)
    {
        e.HasIndex(s => new { s.InstitutionId, s.Code }).IsUnique();
        e.Property(s => s.Code).HasMaxLength(Codes.Code);
        e.Property(s => s.Name).HasMaxLength(Codes.Name);
        e.Property(s => s.Category).HasMaxLength(Codes.Code);
        e.Property(s => s.Position).HasMaxLength(Codes.Name);
        e.Property(s => s.Unit).HasMaxLength(Codes.Name);
        e.Property(s => s.StratificationStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(s => s.StratificationNote).HasMaxLength(Codes.Text);
        e.Property(s => s.StratificationValidatedBy).HasMaxLength(256);
        e.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(s => s.StratificationScores).WithOne(x => x.Staff).HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(s => s.Salary);
        e.Ignore(s => s.Allowances);
        e.Ignore(s => s.IsMedis);
    }
}

sealed class StratificationScoreMapping : IEntityTypeConfiguration<StratificationScore>
{
    public void Configure(EntityTypeBuilder<StratificationScore> e)
    {
        e.HasIndex(s => new { s.StaffId, s.Criterion }).IsUnique();
        e.Property(s => s.Criterion).HasMaxLength(Codes.Code);
        e.Property(s => s.Evidence).HasMaxLength(Codes.Text);
    }
}

sealed class RbaTargetMapping : IEntityTypeConfiguration<RbaTarget>
{
    public void Configure(EntityTypeBuilder<RbaTarget> e) => e.HasIndex(t => new { t.InstitutionId, t.Year }).IsUnique();
}

sealed class KsmTargetMapping : IEntityTypeConfiguration<KsmTarget>
{
    public void Configure(EntityTypeBuilder<KsmTarget> e)
    {
        e.HasIndex(t => new { t.InstitutionId, t.Year, t.Ksm }).IsUnique();
        e.Property(t => t.Ksm).HasMaxLength(Codes.Name);
    }
}

sealed class StaffTargetMapping : IEntityTypeConfiguration<StaffTarget>
{
    public void Configure(EntityTypeBuilder<StaffTarget> e)
    {
        e.HasIndex(t => new { t.InstitutionId, t.StaffCode, t.Year }).IsUnique();
        e.Property(t => t.StaffCode).HasMaxLength(Codes.Code);
    }
}

sealed class PerikatanMapping : IEntityTypeConfiguration<PerikatanAgreement>
{
    public void Configure(EntityTypeBuilder<PerikatanAgreement> e)
    {
        e.HasIndex(p => new { p.InstitutionId, p.StaffCode });
        e.Property(p => p.StaffCode).HasMaxLength(Codes.Code);
        e.Property(p => p.Number).HasMaxLength(100);
        e.Property(p => p.Scope).HasMaxLength(Codes.Text);
        e.Property(p => p.SignedBy).HasMaxLength(Codes.Name);
        e.Property(p => p.ApprovedBy).HasMaxLength(256);
        e.Ignore(p => p.Approved);
    }
}

sealed class RuleSetMapping : IEntityTypeConfiguration<RuleSet>
{
    public void Configure(EntityTypeBuilder<RuleSet> e)
    {
        e.HasIndex(r => new { r.InstitutionId, r.Version }).IsUnique();
        e.HasIndex(r => new { r.InstitutionId, r.EffectiveFrom });
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Note).HasMaxLength(Codes.Text);
        e.Property(r => r.ApprovedBy).HasMaxLength(256);
        e.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Services).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Criteria).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Stars).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.QualityIndicators).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.QualityBands).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Activities).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.DutyShifts).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ServiceRateMapping : IEntityTypeConfiguration<ServiceRate>
{
    public void Configure(EntityTypeBuilder<ServiceRate> e)
    {
        e.HasIndex(x => new { x.RuleSetId, x.Code }).IsUnique();
        e.Property(x => x.Code).HasMaxLength(Codes.Code);
        e.Property(x => x.Name).HasMaxLength(Codes.Name);
    }
}

sealed class StratificationCriterionMapping : IEntityTypeConfiguration<StratificationCriterion>
{
    public void Configure(EntityTypeBuilder<StratificationCriterion> e)
    {
        e.HasIndex(x => new { x.RuleSetId, x.Code }).IsUnique();
        e.Property(x => x.Code).HasMaxLength(Codes.Code);
        e.Property(x => x.Name).HasMaxLength(Codes.Name);
    }
}

sealed class StarLevelMapping : IEntityTypeConfiguration<StarLevel>
{
    public void Configure(EntityTypeBuilder<StarLevel> e) => e.HasIndex(x => new { x.RuleSetId, x.Star }).IsUnique();
}

sealed class QualityIndicatorMapping : IEntityTypeConfiguration<QualityIndicator>
{
    public void Configure(EntityTypeBuilder<QualityIndicator> e)
    {
        e.HasIndex(x => new { x.RuleSetId, x.Code }).IsUnique();
        e.Property(x => x.Code).HasMaxLength(Codes.Code);
        e.Property(x => x.Name).HasMaxLength(Codes.Name);
    }
}

sealed class QualityBandMapping : IEntityTypeConfiguration<QualityBand>
{
    public void Configure(EntityTypeBuilder<QualityBand> e) => e.HasIndex(x => x.RuleSetId);
}

sealed class AddedValueActivityMapping : IEntityTypeConfiguration<AddedValueActivity>
{
    public void Configure(EntityTypeBuilder<AddedValueActivity> e)
    {
        e.HasIndex(x => new { x.RuleSetId, x.Code }).IsUnique();
        e.Property(x => x.Code).HasMaxLength(Codes.Code);
        e.Property(x => x.Name).HasMaxLength(Codes.Name);
    }
}

sealed class DutyShiftMapping : IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<DutyShift> e)
    {
        e.HasIndex(x => new { x.RuleSetId, x.Code }).IsUnique();
        e.Property(x => x.Code).HasMaxLength(Codes.Code);
        e.Property(x => x.Name).HasMaxLength(Codes.Name);
    }
}

sealed class PeriodBudgetMapping : IEntityTypeConfiguration<PeriodBudget>
{
    public void Configure(EntityTypeBuilder<PeriodBudget> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.Period }).IsUnique();
        e.Property(x => x.Period).HasMaxLength(Codes.Period);
    }
}

sealed class ServiceLineMapping : IEntityTypeConfiguration<ServiceLine>
{
    public void Configure(EntityTypeBuilder<ServiceLine> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.LineId }).IsUnique();
        e.HasIndex(x => new { x.InstitutionId, x.Date });
        e.Property(x => x.LineId).HasMaxLength(64);
        e.Property(x => x.StaffCode).HasMaxLength(Codes.Code);
        e.Property(x => x.Service).HasMaxLength(Codes.Code);
        e.Property(x => x.Payer).HasConversion(Codes.PayerConverter).HasMaxLength(10);
    }
}

sealed class QualityResultMapping : IEntityTypeConfiguration<QualityResult>
{
    public void Configure(EntityTypeBuilder<QualityResult> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.Period, x.StaffCode, x.Indicator }).IsUnique();
        e.Property(x => x.Period).HasMaxLength(Codes.Period);
        e.Property(x => x.StaffCode).HasMaxLength(Codes.Code);
        e.Property(x => x.Indicator).HasMaxLength(Codes.Code);
    }
}

sealed class AddedValueEntryMapping : IEntityTypeConfiguration<AddedValueEntry>
{
    public void Configure(EntityTypeBuilder<AddedValueEntry> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.Period, x.StaffCode, x.Activity }).IsUnique();
        e.Property(x => x.Period).HasMaxLength(Codes.Period);
        e.Property(x => x.StaffCode).HasMaxLength(Codes.Code);
        e.Property(x => x.Activity).HasMaxLength(Codes.Code);
    }
}

sealed class DutyEntryMapping : IEntityTypeConfiguration<DutyEntry>
{
    public void Configure(EntityTypeBuilder<DutyEntry> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.Period, x.StaffCode, x.Shift }).IsUnique();
        e.Property(x => x.Period).HasMaxLength(Codes.Period);
        e.Property(x => x.StaffCode).HasMaxLength(Codes.Code);
        e.Property(x => x.Shift).HasMaxLength(Codes.Code);
    }
}

sealed class ImportBatchMapping : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.ImportedAt });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Source).HasMaxLength(10);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Period).HasMaxLength(Codes.Period);
        e.Property(x => x.ImportedBy).HasMaxLength(256);
    }
}

sealed class CalculationRunMapping : IEntityTypeConfiguration<CalculationRun>
{
    public void Configure(EntityTypeBuilder<CalculationRun> e)
    {
        e.HasIndex(x => new { x.InstitutionId, x.Period, x.Version }).IsUnique();
        e.Property(x => x.Period).HasMaxLength(Codes.Period);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.InputFingerprint).HasMaxLength(64);
        e.Property(x => x.Flags).HasMaxLength(Codes.Text);
        e.Property(x => x.Note).HasMaxLength(Codes.Text);
        e.Property(x => x.CalculatedBy).HasMaxLength(256);
        e.Property(x => x.VerifiedBy).HasMaxLength(256);
        e.Property(x => x.ApprovedBy).HasMaxLength(256);
        e.Property(x => x.PaidBy).HasMaxLength(256);
        e.HasOne<Institution>().WithMany().HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RuleSet>().WithMany().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Results).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class RunInputMapping : IEntityTypeConfiguration<RunInput>
{
    public void Configure(EntityTypeBuilder<RunInput> e)
    {
        e.HasKey(x => x.RunId);
        e.HasOne<CalculationRun>().WithOne().HasForeignKey<RunInput>(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class RunStaffResultMapping : IEntityTypeConfiguration<RunStaffResult>
{
    public void Configure(EntityTypeBuilder<RunStaffResult> e)
    {
        e.HasIndex(x => new { x.RunId, x.StaffCode }).IsUnique();
        e.HasIndex(x => new { x.InstitutionId, x.StaffCode });
        e.Property(x => x.StaffCode).HasMaxLength(Codes.Code);
        e.Property(x => x.Name).HasMaxLength(Codes.Name);
        e.Property(x => x.Category).HasMaxLength(Codes.Code);
        e.Property(x => x.Unit).HasMaxLength(Codes.Name);
        e.Property(x => x.Flags).HasMaxLength(Codes.Text);
    }
}

sealed class SimrsApiTokenMapping : IEntityTypeConfiguration<SimrsApiToken>
{
    public void Configure(EntityTypeBuilder<SimrsApiToken> e)
    {
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.Property(x => x.Name).HasMaxLength(Codes.Name);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.RevokedBy).HasMaxLength(256);
    }
}
