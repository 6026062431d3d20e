using System.Security.Cryptography;
using System.Text;
using Kinerja.Data.Community;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kinerja.Web.Features.Community.Alerts;

/// <summary>E-mail alerts over SMTP (MailKit), with RFC 8058 one-click unsubscribe headers.</summary>
public sealed class SmtpChannel(IOptionsMonitor<AlertOptions> options) : IAlertChannel
{
    public AlertChannel Channel => AlertChannel.Email;

    public bool IsConfigured => options.CurrentValue.Smtp.IsConfigured;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.CurrentValue.Smtp;
        var payload = AlertPayload.FromJson(message.Payload);
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(new MailboxAddress(payload.RecipientName, message.Recipient));
        mail.Subject = AlertTemplates.Subject(message.Template, payload);
        // The same alert always has the same Message-Id: should a crash ever resend it, mail systems see a duplicate.
        mail.MessageId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..32].ToLowerInvariant() + "@kinerja";
        if (AlertTemplates.CanUnsubscribe(payload))
        {
            mail.Headers.Add("List-Unsubscribe", $"<{payload.UnsubscribeLink}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mail.Body = new TextPart("plain") { Text = AlertTemplates.Body(message.Template, payload) };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
