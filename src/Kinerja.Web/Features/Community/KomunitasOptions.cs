namespace Kinerja.Web.Features.Community;

/// <summary>`Komunitas:*` settings: spam thresholds, moderation, uploads. Defaults suit a small community.</summary>
public sealed class KomunitasOptions
{
    /// <summary>A form posted sooner than this after it was served is a bot's.</summary>
    public int MinimumFormSeconds { get; set; } = 2;

    /// <summary>Without JavaScript there is no proof of work: the person waits this long instead (docs/decisions/0301-komunitas-spam.md).</summary>
    public int NoScriptFormSeconds { get; set; } = 15;

    /// <summary>Leading zero bits of SHA-256(challenge:nonce); 16 takes a phone well under a second.</summary>
    public int ProofOfWorkBits { get; set; } = 16;

    /// <summary>A form stamp older than this is expired.</summary>
    public int FormLifetimeMinutes { get; set; } = 120;

    /// <summary>A member's comments wait for a moderator until this many of theirs are published.</summary>
    public int ApprovedCommentsBeforeTrust { get; set; } = 2;

    /// <summary>The author may edit a comment this long after posting it.</summary>
    public int EditMinutes { get; set; } = 15;

    public int RegistrationsPerAddressPerHour { get; set; } = 10;

    public int CommentsPerUserPer10Minutes { get; set; } = 10;

    public int CommentsPerAddressPer10Minutes { get; set; } = 30;

    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}
