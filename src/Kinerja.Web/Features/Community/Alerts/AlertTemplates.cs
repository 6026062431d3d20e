using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kinerja.Web.Features.Community.Alerts;

/// <summary>The values an alert carries in its outbox row; rendered into e-mail text or a WhatsApp template.</summary>
public sealed record AlertPayload(
    [property: JsonPropertyName("nama")] string RecipientName,
    [property: JsonPropertyName("judul")] string Title,
    [property: JsonPropertyName("rincian")] string Detail,
    [property: JsonPropertyName("tautan")] string Link,
    [property: JsonPropertyName("berhenti")] string UnsubscribeLink)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static AlertPayload FromJson(string json) =>
        JsonSerializer.Deserialize<AlertPayload>(json) ?? throw new InvalidOperationException("Empty alert payload.");
}

/// <summary>
/// The three community alerts of issue 7 §7, each with an e-mail text here and an approved WhatsApp template of
/// the same name (body parameters: name, title, detail, link, unsubscribe link), and the work alert of issue 6
/// (a contract about to end), sent by e-mail to the Dinas and the Kepala Puskesmas.
/// </summary>
public static class AlertTemplates
{
    public const string NewPeriod = "periode_baru";
    public const string Reply = "balasan_komentar";
    public const string PolicyBrief = "policy_brief_baru";
    public const string ContractEnding = "kontrak_berakhir";
    public const string ConfirmEmail = "konfirmasi_email";

    /// <summary>Community alerts are chosen by the member and can be stopped with one click; work alerts come with the role.</summary>
    public static bool CanUnsubscribe(AlertPayload p) => p.UnsubscribeLink.Length > 0;

    public static string Subject(string template, AlertPayload p) => template switch
    {
        NewPeriod => $"Periode diskusi baru: {p.Title}",
        Reply => $"Balasan untuk komentar Anda di {p.Title}",
        PolicyBrief => $"Policy brief baru: {p.Title}",
        ContractEnding => $"Kontrak segera berakhir: {p.Title}",
        ConfirmEmail => "Konfirmasi alamat e-mail Anda di Masyarakat Praktisi",
        _ => p.Title,
    };

    public static string Body(string template, AlertPayload p)
    {
        var lead = template switch
        {
            NewPeriod => $"Periode diskusi baru Masyarakat Praktisi telah dibuka: {p.Title}.",
            Reply => $"Komentar Anda di {p.Title} mendapat balasan.",
            PolicyBrief => $"Policy brief baru tersedia di perpustakaan Masyarakat Praktisi: {p.Title}.",
            ContractEnding => $"Kontrak {p.Title} segera berakhir.",
            ConfirmEmail => "Alamat e-mail ini didaftarkan di Masyarakat Praktisi. Pemberitahuan e-mail baru dikirim setelah alamat dikonfirmasi.",
            _ => p.Title,
        };
        var footer = template switch
        {
            ContractEnding => "Anda menerima pesan ini karena peran Anda di Kinerja untuk kontrak ini.",
            ConfirmEmail => "Bila Anda tidak mendaftar, abaikan pesan ini: tanpa konfirmasi tidak ada pemberitahuan yang dikirim ke alamat ini.",
            _ => $"""
                 Anda menerima pesan ini karena memilih pemberitahuan e-mail dari Masyarakat Praktisi.
                 Berhenti menerima pemberitahuan e-mail (satu klik): {p.UnsubscribeLink}
                 """,
        };
        return $"""
            Yth. {p.RecipientName},

            {lead}

            {p.Detail}

            Selengkapnya: {p.Link}

            --
            {footer}
            """;
    }
}
