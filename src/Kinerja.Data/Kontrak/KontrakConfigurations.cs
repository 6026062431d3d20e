using Kinerja.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Kontrak;

sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> e)
    {
        e.ToTable("KontrakContracts");
        e.HasIndex(c => new { c.InstitutionId, c.Status });
        e.HasIndex(c => c.WorkerUserId);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.ContractorKind).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Education).HasConversion<string>().HasMaxLength(5);
        e.Property(c => c.Number).HasMaxLength(100);
        e.Property(c => c.Position).HasMaxLength(200);
        e.Property(c => c.ContractorName).HasMaxLength(200);
        e.Property(c => c.ContractorAddress).HasMaxLength(400);
        e.Property(c => c.Major).HasMaxLength(200);
        e.Property(c => c.Specialisation).HasMaxLength(200);
        e.Property(c => c.FundingSource).HasMaxLength(100);
        e.Property(c => c.BudgetLine).HasMaxLength(300);
        e.Property(c => c.SkNumber).HasMaxLength(100);
        e.Property(c => c.OtherBenefits).HasMaxLength(1000);
        e.Property(c => c.TerminationReason).HasMaxLength(1000);
        e.Property(c => c.MonthlyHonorarium).HasPrecision(18, 0);
        e.HasOne(c => c.Institution).WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Institution>().WithMany().HasForeignKey(c => c.DinasId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.RuleSet).WithMany().HasForeignKey(c => c.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.WorkerUserId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Targets).WithOne(t => t.Contract).HasForeignKey(t => t.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ContractTeamMemberConfiguration : IEntityTypeConfiguration<ContractTeamMember>
{
    public void Configure(EntityTypeBuilder<ContractTeamMember> e)
    {
        e.ToTable("KontrakTeamMembers");
        e.Property(m => m.Name).HasMaxLength(200);
        e.Property(m => m.Profession).HasMaxLength(100);
        e.Property(m => m.Nip).HasMaxLength(30);
    }
}

sealed class ContractRuleSetConfiguration : IEntityTypeConfiguration<ContractRuleSet>
{
    public void Configure(EntityTypeBuilder<ContractRuleSet> e)
    {
        e.ToTable("KontrakRuleSets");
        e.HasIndex(r => new { r.InstitutionId, r.Programme }).IsUnique();
        e.Property(r => r.Programme).HasMaxLength(100);
        e.Property(r => r.FundingSource).HasMaxLength(100);
        e.Property(r => r.MinEducation).HasConversion<string>().HasMaxLength(5);
        e.Property(r => r.RenewalThreshold).HasPrecision(5, 4);
        e.Property(r => r.Source).HasMaxLength(500);
        e.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Criteria).WithOne().HasForeignKey(c => c.RuleSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ContractCriterionConfiguration : IEntityTypeConfiguration<ContractCriterion>
{
    public void Configure(EntityTypeBuilder<ContractCriterion> e)
    {
        e.ToTable("KontrakCriteria");
        e.Property(c => c.Text).HasMaxLength(500);
        e.Property(c => c.Source).HasMaxLength(500);
    }
}

sealed class ApplicantConfiguration : IEntityTypeConfiguration<Applicant>
{
    public void Configure(EntityTypeBuilder<Applicant> e)
    {
        e.ToTable("KontrakApplicants");
        e.HasIndex(a => new { a.InstitutionId, a.RuleSetId });
        e.Property(a => a.FullName).HasMaxLength(200);
        e.Property(a => a.Education).HasConversion<string>().HasMaxLength(5);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Major).HasMaxLength(200);
        e.Property(a => a.Specialisation).HasMaxLength(200);
        e.Property(a => a.School).HasMaxLength(200);
        e.Property(a => a.ExperienceNote).HasMaxLength(1000);
        e.HasOne(a => a.Institution).WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ContractRuleSet>().WithMany().HasForeignKey(a => a.RuleSetId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class UmkRateConfiguration : IEntityTypeConfiguration<UmkRate>
{
    public void Configure(EntityTypeBuilder<UmkRate> e)
    {
        e.ToTable("KontrakUmk");
        e.HasIndex(u => new { u.KabupatenKota, u.Year }).IsUnique();
        e.Property(u => u.Provinsi).HasMaxLength(100);
        e.Property(u => u.KabupatenKota).HasMaxLength(100);
        e.Property(u => u.Amount).HasPrecision(18, 0);
        e.Property(u => u.Source).HasMaxLength(500);
    }
}

sealed class BokAllocationConfiguration : IEntityTypeConfiguration<BokAllocation>
{
    public void Configure(EntityTypeBuilder<BokAllocation> e)
    {
        e.ToTable("KontrakBokAllocations");
        e.HasIndex(b => new { b.InstitutionId, b.Year }).IsUnique();
        e.Property(b => b.Amount).HasPrecision(18, 0);
        e.Property(b => b.Note).HasMaxLength(500);
        e.HasOne(b => b.Institution).WithMany().HasForeignKey(b => b.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class MonthlyTargetConfiguration : IEntityTypeConfiguration<MonthlyTarget>
{
    public void Configure(EntityTypeBuilder<MonthlyTarget> e)
    {
        e.ToTable("KontrakTargets");
        e.HasIndex(t => new { t.ContractId, t.Month });
        e.Property(t => t.Activity).HasMaxLength(300);
        e.Property(t => t.Unit).HasMaxLength(50);
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Quantity).HasPrecision(12, 2);
        e.Property(t => t.ReportedQuantity).HasPrecision(12, 2);
        e.Property(t => t.VerifiedQuantity).HasPrecision(12, 2);
        e.Property(t => t.PnsQuantity).HasPrecision(12, 2);
        e.Property(t => t.ReportNote).HasMaxLength(2000);
        e.Property(t => t.VerifierNote).HasMaxLength(1000);
        e.Property(t => t.EvidenceFileName).HasMaxLength(255);
        e.Property(t => t.EvidenceStoredName).HasMaxLength(100);
        e.Property(t => t.EvidenceContentType).HasMaxLength(100);
        e.Property(t => t.VerifiedBy).HasMaxLength(256);
    }
}
