using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Community;

public enum LibraryKind
{
    /// <summary>Reference documents on contracting.</summary>
    Referensi,

    /// <summary>A policy brief produced by a discussion period.</summary>
    PolicyBrief,

    /// <summary>The record of a face-to-face meeting.</summary>
    Pertemuan,
}

/// <summary>An entry of the perpustakaan, with its files.</summary>
public class LibraryItem
{
    public int Id { get; set; }

    public LibraryKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    /// <summary>The period that produced a policy brief, or whose meeting this records.</summary>
    public int? PeriodId { get; set; }

    public DiscussionPeriod? Period { get; set; }

    public DateOnly? MeetingDate { get; set; }

    public string? Place { get; set; }

    public string? Participants { get; set; }

    /// <summary>The minutes of a meeting (Markdown).</summary>
    public string? Minutes { get; set; }

    public DateTime AddedAt { get; set; }

    public string? AddedBy { get; set; }

    public List<LibraryFile> Files { get; set; } = [];
}

/// <summary>An uploaded file, stored on disk under the data directory; the row keeps what to serve it as.</summary>
public class LibraryFile
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    /// <summary>The name the person gave the file (cleaned), used in Content-Disposition.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>The name on disk: random, never derived from user input.</summary>
    public required string StoredName { get; set; }

    public DateTime UploadedAt { get; set; }
}

sealed class LibraryItemConfiguration : IEntityTypeConfiguration<LibraryItem>
{
    public void Configure(EntityTypeBuilder<LibraryItem> e)
    {
        e.ToTable("LibraryItems");
        e.HasIndex(i => i.Kind);
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Title).HasMaxLength(300);
        e.Property(i => i.Summary).HasMaxLength(4000);
        e.Property(i => i.Place).HasMaxLength(300);
        e.Property(i => i.Participants).HasMaxLength(4000);
        e.Property(i => i.AddedBy).HasMaxLength(256);
        e.HasOne(i => i.Period).WithMany().HasForeignKey(i => i.PeriodId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(i => i.Files).WithOne().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class LibraryFileConfiguration : IEntityTypeConfiguration<LibraryFile>
{
    public void Configure(EntityTypeBuilder<LibraryFile> e)
    {
        e.ToTable("LibraryFiles");
        e.HasIndex(f => f.StoredName).IsUnique();
        e.Property(f => f.FileName).HasMaxLength(255);
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.StoredName).HasMaxLength(100);
    }
}
