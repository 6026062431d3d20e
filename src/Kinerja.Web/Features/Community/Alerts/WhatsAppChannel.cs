using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kinerja.Data.Community;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Community.Alerts;

/// <summary>
/// WhatsApp alerts through the Business Cloud API: POST {base}/{phoneNumberId}/messages with an
/// approved template (business-initiated messages must use one). The base address is configurable.
/// </summary>
public sealed class WhatsAppChannel(IHttpClientFactory clients, IOptionsMonitor<AlertOptions> options) : IAlertChannel
{
    public AlertChannel Channel => AlertChannel.WhatsApp;

    public bool IsConfigured => options.CurrentValue.WhatsApp.IsConfigured;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var wa = options.CurrentValue.WhatsApp;
        var p = AlertPayload.FromJson(message.Payload);
        var body = new
        {
            messaging_product = "whatsapp",
            recipient_type = "individual",
            to = message.Recipient,
            type = "template",
            template = new
            {
                name = message.Template,
                language = new { code = wa.Language },
                components = new object[]
                {
                    new
                    {
                        type = "body",
                        parameters = new[] { p.RecipientName, p.Title, p.Detail, p.Link, p.UnsubscribeLink }
                            .Select(text => new { type = "text", text }).ToArray(),
                    },
                },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{wa.BaseAddress.TrimEnd('/')}/{wa.PhoneNumberId}/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", wa.Token);
        using var http = clients.CreateClient(nameof(WhatsAppChannel));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"WhatsApp API {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        }
    }
}
