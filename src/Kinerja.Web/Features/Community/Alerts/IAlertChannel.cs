using Kinerja.Data.Community;

namespace Kinerja.Web.Features.Community.Alerts;

/// <summary>A way to deliver an outbox message. Throws when the message was not accepted.</summary>
public interface IAlertChannel
{
    AlertChannel Channel { get; }

    /// <summary>False while the channel has no settings: its messages wait in the outbox instead of failing.</summary>
    bool IsConfigured { get; }

    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
