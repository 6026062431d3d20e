using Kinerja.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kinerja.Data.Community;

/// <summary>Who a member is, in the words of the original site's "Siapa anggota CoP ini?".</summary>
public enum MemberCategory
{
    /// <summary>Pemerintah pusat, provinsi atau kabupaten/kota.</summary>
    Pemerintah,

    /// <summary>LSM atau perusahaan di pelayanan kesehatan.</summary>
    LsmPerusahaan,

    /// <summary>Peneliti dan akademisi.</summary>
    PenelitiAkademisi,

    /// <summary>Pengelola lembaga donor.</summary>
    Donor,

    Lainnya,
}

public enum AlertChannel
{
    Email,
    WhatsApp,
}

/// <summary>
/// An active member: a user account plus what the community needs to know and the alerts they chose.
/// The flags are the current state; <see cref="AlertConsent"/> keeps every change with its wording (UU PDP 27/2022).
/// </summary>
public class CommunityMember
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser? User { get; set; }

    /// <summary>The member's own institution (free text: a ministry, an NGO, a university...).</summary>
    public required string Organisation { get; set; }

    public MemberCategory Category { get; set; }

    /// <summary>WhatsApp number in international form without '+', e.g. 628123456789.</summary>
    public string? WhatsAppNumber { get; set; }

    public bool EmailAlerts { get; set; }

    public bool WhatsAppAlerts { get; set; }

    public DateTime JoinedAt { get; set; }

    public List<AlertConsent> Consents { get; set; } = [];

    public bool Wants(AlertChannel channel) => channel == AlertChannel.Email ? EmailAlerts : WhatsAppAlerts && WhatsAppNumber is not null;
}

/// <summary>One consent given or withdrawn for one channel: when, how, and the exact words shown.</summary>
public class AlertConsent
{
    public int Id { get; set; }

    public int MemberId { get; set; }

    public AlertChannel Channel { get; set; }

    public bool Granted { get; set; }

    public DateTime At { get; set; }

    /// <summary>The text the member agreed to (or the reason of the withdrawal).</summary>
    public required string Wording { get; set; }

    /// <summary>Where it happened: pendaftaran, akun, tautan-berhenti, demo.</summary>
    public required string Source { get; set; }
}

sealed class CommunityMemberConfiguration : IEntityTypeConfiguration<CommunityMember>
{
    public void Configure(EntityTypeBuilder<CommunityMember> e)
    {
        e.ToTable("CommunityMembers");
        e.HasIndex(m => m.UserId).IsUnique();
        e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        e.Property(m => m.UserId).HasMaxLength(450);
        e.Property(m => m.Organisation).HasMaxLength(200);
        e.Property(m => m.Category).HasConversion<string>().HasMaxLength(30);
        e.Property(m => m.WhatsAppNumber).HasMaxLength(20);
        e.HasMany(m => m.Consents).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AlertConsentConfiguration : IEntityTypeConfiguration<AlertConsent>
{
    public void Configure(EntityTypeBuilder<AlertConsent> e)
    {
        e.ToTable("AlertConsents");
        e.HasIndex(c => new { c.MemberId, c.Channel, c.At });
        e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Wording).HasMaxLength(2000);
        e.Property(c => c.Source).HasMaxLength(40);
    }
}
