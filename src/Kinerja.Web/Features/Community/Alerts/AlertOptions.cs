namespace Kinerja.Web.Features.Community.Alerts;

/// <summary>`Alerts:*`: the outbox worker and its two channels.</summary>
public sealed class AlertOptions
{
    /// <summary>Runs the background worker; tests turn it off and call <see cref="OutboxProcessor.ProcessDueAsync"/>.</summary>
    public bool WorkerEnabled { get; set; } = true;

    public int PollSeconds { get; set; } = 15;

    /// <summary>Attempts before an alert is given up and shown to the admin.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubled after each failure (1, 2, 4, 8... minutes), capped at 6 hours.</summary>
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>The site's public address for links in alerts, e.g. https://kinerja.example.id; else taken from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public WhatsAppOptions WhatsApp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty: e-mail alerts wait in the outbox until an SMTP server is configured.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    public string From { get; set; } = "Masyarakat Praktisi <noreply@kinerja.local>";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed class WhatsAppOptions
{
    /// <summary>The Cloud API's address; a test or a proxy can stand in for it.</summary>
    public string BaseAddress { get; set; } = "https://graph.facebook.com/v21.0";

    public string? PhoneNumberId { get; set; }

    public string? Token { get; set; }

    /// <summary>Language of the approved templates.</summary>
    public string Language { get; set; } = "id";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(Token);
}
