using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Community;

/// <summary>
/// An alert waiting to be sent, written in the same SaveChanges as the event that caused it, so an
/// alert is never lost with a committed event nor sent for one that rolled back. The unique
/// <see cref="IdempotencyKey"/> keeps one event from being queued twice; <see cref="SentAt"/>,
/// set right after the send, keeps it from being sent twice.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public AlertChannel Channel { get; set; }

    /// <summary>An e-mail address or a WhatsApp number.</summary>
    public required string Recipient { get; set; }

    /// <summary>periode-baru, balasan, policy-brief: the e-mail text and the approved WhatsApp template.</summary>
    public required string Template { get; set; }

    /// <summary>The template's values as JSON (title, link, unsubscribe link...).</summary>
    public required string Payload { get; set; }

    /// <summary>event:id:recipient:channel — unique.</summary>
    public required string IdempotencyKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>A worker that claimed the row owns it until then; a crashed worker's claim runs out.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Set when the worker gave up after the last attempt: shown to the admin.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }
}

sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("OutboxMessages");
        e.HasIndex(m => m.IdempotencyKey).IsUnique();
        e.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
        e.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.Recipient).HasMaxLength(256);
        e.Property(m => m.Template).HasMaxLength(40);
        e.Property(m => m.IdempotencyKey).HasMaxLength(200);
        e.Property(m => m.LockedBy).HasMaxLength(64);
        e.Property(m => m.LastError).HasMaxLength(2000);
    }
}
