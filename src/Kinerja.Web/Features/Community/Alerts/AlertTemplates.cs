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
/// The three alerts of issue 7 §7. Each has an e-mail text here and an approved WhatsApp template of
/// the same name (body parameters: name, title, detail, link, unsubscribe link).
/// </summary>
public static class AlertTemplates
{
    public const string NewPeriod = "periode_baru";
    public const string Reply = "balasan_komentar";
    public const string PolicyBrief = "policy_brief_baru";

    public static string Subject(string template, AlertPayload p) => template switch
    {
        NewPeriod => $"Periode diskusi baru: {p.Title}",
        Reply => $"Balasan untuk komentar Anda di {p.Title}",
        PolicyBrief => $"Policy brief baru: {p.Title}",
        _ => p.Title,
    };

    public static string Body(string template, AlertPayload p)
    {
        var lead = template switch
        {
            NewPeriod => $"Periode diskusi baru Masyarakat Praktisi telah dibuka: {p.Title}.",
            Reply => $"Komentar Anda di {p.Title} mendapat balasan.",
            PolicyBrief => $"Policy brief baru tersedia di perpustakaan Masyarakat Praktisi: {p.Title}.",
            _ => p.Title,
        };
        return $"""
            Yth. {p.RecipientName},

            {lead}

            {p.Detail}

            Selengkapnya: {p.Link}

            --
            Anda menerima pesan ini karena memilih pemberitahuan e-mail dari Masyarakat Praktisi.
            Berhenti menerima pemberitahuan e-mail (satu klik): {p.UnsubscribeLink}
            """;
    }
}
