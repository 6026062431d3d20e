using Kinerja.Data.Kontrak;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

public abstract partial class KinerjaDb
{
    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<ContractTeamMember> ContractTeamMembers => Set<ContractTeamMember>();

    public DbSet<ContractRuleSet> ContractRuleSets => Set<ContractRuleSet>();

    public DbSet<ContractCriterion> ContractCriteria => Set<ContractCriterion>();

    public DbSet<Applicant> Applicants => Set<Applicant>();

    public DbSet<UmkRate> UmkRates => Set<UmkRate>();

    public DbSet<BokAllocation> BokAllocations => Set<BokAllocation>();

    public DbSet<MonthlyTarget> MonthlyTargets => Set<MonthlyTarget>();
}
