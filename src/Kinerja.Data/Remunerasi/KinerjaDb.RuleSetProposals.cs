using Kinerja.Data.Remunerasi;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data;

public abstract partial class KinerjaDb
{
    public DbSet<RuleSetProposal> RuleSetProposals => Set<RuleSetProposal>();
}
