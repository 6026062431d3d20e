using Kinerja.Data;
using Kinerja.Data.Community;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// Consent per channel, recorded with the words the member saw (UU PDP 27/2022 Pasal 20-22: consent is
/// explicit, per purpose, provable, and can be withdrawn as easily as it was given).
/// </summary>
public static class Membership
{
    public const string EmailConsentWording =
        "Saya setuju menerima pemberitahuan Masyarakat Praktisi (periode diskusi baru, balasan atas komentar saya, policy brief baru) " +
        "melalui e-mail ke alamat yang saya daftarkan. Saya dapat berhenti kapan saja melalui tautan di setiap pemberitahuan atau halaman akun.";

    public const string WhatsAppConsentWording =
        "Saya setuju menerima pemberitahuan Masyarakat Praktisi (periode diskusi baru, balasan atas komentar saya, policy brief baru) " +
        "melalui WhatsApp ke nomor yang saya daftarkan. Saya dapat berhenti kapan saja melalui tautan di setiap pemberitahuan atau halaman akun.";

    public static string Wording(AlertChannel channel) => channel == AlertChannel.Email ? EmailConsentWording : WhatsAppConsentWording;

    public static string CategoryLabel(MemberCategory category) => category switch
    {
        MemberCategory.Pemerintah => "Pemerintah (Kementerian Kesehatan, provinsi, kabupaten/kota)",
        MemberCategory.LsmPerusahaan => "LSM atau perusahaan pelayanan kesehatan",
        MemberCategory.PenelitiAkademisi => "Peneliti atau akademisi",
        MemberCategory.Donor => "Lembaga donor",
        _ => "Lainnya",
    };

    /// <summary>Sets a channel on or off and records the change, when it is one.</summary>
    public static void SetAlert(KinerjaDb db, CommunityMember member, AlertChannel channel, bool on, string source, string? withdrawalNote = null)
    {
        var current = channel == AlertChannel.Email ? member.EmailAlerts : member.WhatsAppAlerts;
        if (current == on)
            return;
        if (channel == AlertChannel.Email)
            member.EmailAlerts = on;
        else
            member.WhatsAppAlerts = on;
        member.Consents.Add(new AlertConsent
        {
            Channel = channel,
            Granted = on,
            At = db.Clock.GetUtcNow().UtcDateTime,
            Wording = on ? Wording(channel) : withdrawalNote ?? "Persetujuan dicabut oleh anggota.",
            Source = source,
        });
    }

    /// <summary>628123456789 from "0812-3456-789", "+62 812..." or "62812..."; null when it is not an Indonesian mobile number.</summary>
    public static string? NormalizeWhatsApp(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        var digits = new string(input.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith('0'))
            digits = "62" + digits[1..];
        return digits.StartsWith("628", StringComparison.Ordinal) && digits.Length is >= 10 and <= 15 ? digits : null;
    }
}
