using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Community;

public enum PeriodState
{
    /// <summary>Announced, not started yet.</summary>
    Segera,

    /// <summary>Open for comments.</summary>
    Berjalan,

    /// <summary>In the archive: readable and searchable, closed for comments.</summary>
    Selesai,
}

/// <summary>
/// A numbered discussion period with its theme, dates, moderator and the moderator's introduction.
/// Whether it is open follows from the dates and the clock: it closes by itself after its end date.
/// </summary>
public class DiscussionPeriod
{
    public int Id { get; set; }

    /// <summary>1, 2, 3...: the address /komunitas/diskusi/{number}.</summary>
    public int Number { get; set; }

    /// <summary>"Arsip Diskusi I", "Diskusi Tahun 2016 Tahap I".</summary>
    public required string Title { get; set; }

    public string? Theme { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>How the dates read when the old site gave only a year ("Tahun 2015"); null shows the dates.</summary>
    public string? DateLabel { get; set; }

    public string? ModeratorName { get; set; }

    public string? ModeratorUserId { get; set; }

    /// <summary>The moderator's introduction (Markdown).</summary>
    public string? Introduction { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Comment> Comments { get; set; } = [];

    public PeriodState StateOn(DateOnly today) =>
        today < StartsOn ? PeriodState.Segera : today > EndsOn ? PeriodState.Selesai : PeriodState.Berjalan;
}

sealed class DiscussionPeriodConfiguration : IEntityTypeConfiguration<DiscussionPeriod>
{
    public void Configure(EntityTypeBuilder<DiscussionPeriod> e)
    {
        e.ToTable("DiscussionPeriods");
        e.HasIndex(p => p.Number).IsUnique();
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.Theme).HasMaxLength(500);
        e.Property(p => p.DateLabel).HasMaxLength(100);
        e.Property(p => p.ModeratorName).HasMaxLength(200);
        e.Property(p => p.ModeratorUserId).HasMaxLength(450);
    }
}
