using Kinerja.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Remunerasi;

/// <summary>
/// How a draft rule set came to be and where it stands on its way to the Direktur Utama: the version it was copied
/// from (so the Direksi sees what changed before approving), who prepared it, and when it was submitted or returned.
/// Kept beside <see cref="RuleSet"/> rather than in it; as a rule row it is frozen with its set once approved.
/// </summary>
public class RuleSetProposal : IRuleRow, IAudited
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public int RuleSetId { get; set; }

    /// <summary>The <see cref="RuleSet.Version"/> this draft was copied from; null: started empty.</summary>
    public int? BasedOnVersion { get; set; }

    public required string ProposedBy { get; set; }

    public DateTime ProposedAt { get; set; }

    /// <summary>Set when the Tim Remunerasi submits the draft to the Direksi; cleared when it is edited or returned.</summary>
    public string? SubmittedBy { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public string? ReturnedBy { get; set; }

    public DateTime? ReturnedAt { get; set; }

    /// <summary>Why the Direksi returned the draft.</summary>
    public string? ReturnNote { get; set; }

    public bool Submitted => SubmittedAt is not null;
}

sealed class RuleSetProposalMapping : IEntityTypeConfiguration<RuleSetProposal>
{
    public void Configure(EntityTypeBuilder<RuleSetProposal> e)
    {
        e.HasIndex(x => x.RuleSetId).IsUnique();
        e.HasOne<RuleSet>().WithOne().HasForeignKey<RuleSetProposal>(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.ProposedBy).HasMaxLength(256);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.ReturnedBy).HasMaxLength(256);
        e.Property(x => x.ReturnNote).HasMaxLength(Codes.Text);
        e.Ignore(x => x.Submitted);
    }
}
