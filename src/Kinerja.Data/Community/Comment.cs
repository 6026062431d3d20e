using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Community;

public enum CommentStatus
{
    /// <summary>A new member's comment, waiting for a moderator.</summary>
    Menunggu,

    Tayang,

    /// <summary>Refused by a moderator: never shown.</summary>
    Ditolak,
}

/// <summary>
/// A comment in a period, or a reply under one. Deleting keeps the row (with its text removed) so
/// the replies under it stay readable in their place.
/// </summary>
public class Comment
{
    public int Id { get; set; }

    public int PeriodId { get; set; }

    public DiscussionPeriod? Period { get; set; }

    public int? ParentId { get; set; }

    public Comment? Parent { get; set; }

    /// <summary>Null for comments carried over from the old site, or after the author deleted their data.</summary>
    public string? AuthorUserId { get; set; }

    /// <summary>The name shown, as written at the time ("susilaningsih").</summary>
    public required string AuthorName { get; set; }

    /// <summary>Markdown or plain text as typed; rendered without HTML and sanitised.</summary>
    public required string Body { get; set; }

    public DateTime PostedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    public CommentStatus Status { get; set; }

    /// <summary>Whether links render as links: not for a new member (their links show as text).</summary>
    public bool LinksAllowed { get; set; }

    public DateTime? ModeratedAt { get; set; }

    public string? ModeratedBy { get; set; }

    public DateTime? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }

    /// <summary>Where the comment came from (address), for rate limits and abuse reports; cleared with the author's data.</summary>
    public string? PostedFrom { get; set; }

    public List<CommentFlag> Flags { get; set; } = [];

    public bool IsDeleted => DeletedAt is not null;
}

/// <summary>A reader's report that a comment breaks the rules; the moderator resolves it.</summary>
public class CommentFlag
{
    public int Id { get; set; }

    public int CommentId { get; set; }

    public required string UserId { get; set; }

    public required string Reason { get; set; }

    public DateTime At { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }
}

sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> e)
    {
        e.ToTable("Comments");
        e.HasIndex(c => new { c.PeriodId, c.PostedAt });
        e.HasIndex(c => c.Status);
        e.HasIndex(c => c.AuthorUserId);
        e.HasOne(c => c.Period).WithMany(p => p.Comments).HasForeignKey(c => c.PeriodId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.Property(c => c.AuthorUserId).HasMaxLength(450);
        e.Property(c => c.AuthorName).HasMaxLength(200);
        e.Property(c => c.Body).HasMaxLength(10000);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.ModeratedBy).HasMaxLength(256);
        e.Property(c => c.DeletedBy).HasMaxLength(256);
        e.Property(c => c.PostedFrom).HasMaxLength(64);
        e.HasMany(c => c.Flags).WithOne().HasForeignKey(f => f.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class CommentFlagConfiguration : IEntityTypeConfiguration<CommentFlag>
{
    public void Configure(EntityTypeBuilder<CommentFlag> e)
    {
        e.ToTable("CommentFlags");
        e.HasIndex(f => new { f.CommentId, f.UserId }).IsUnique();
        e.Property(f => f.UserId).HasMaxLength(450);
        e.Property(f => f.Reason).HasMaxLength(500);
        e.Property(f => f.ResolvedBy).HasMaxLength(256);
    }
}
