using Kinerja.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Community;

/// <summary>A page of the portal that the admin edits: the mission, the members, how to join.</summary>
public class CommunityPage : IAudited
{
    public const string Pengantar = "pengantar";
    public const string Tujuan = "tujuan";
    public const string Anggota = "anggota";
    public const string Bergabung = "bergabung";
    public const string Kegiatan = "kegiatan";

    /// <summary>The pages in the order the front page shows them.</summary>
    public static readonly IReadOnlyList<string> Keys = [Pengantar, Tujuan, Anggota, Bergabung, Kegiatan];

    public int Id { get; set; }

    /// <summary>Stable key (tujuan, anggota, bergabung...), used in the admin's address.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown, rendered without raw HTML and sanitised.</summary>
    public required string Body { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

sealed class CommunityPageConfiguration : IEntityTypeConfiguration<CommunityPage>
{
    public void Configure(EntityTypeBuilder<CommunityPage> e)
    {
        e.ToTable("CommunityPages");
        e.HasIndex(p => p.Key).IsUnique();
        e.Property(p => p.Key).HasMaxLength(40);
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}
