using System.Globalization;
using System.Security.Cryptography;
using Kinerja.Data.Community;
using Microsoft.AspNetCore.DataProtection;

namespace Kinerja.Web.Features.Community.Alerts;

/// <summary>Signed "turn this channel off for this member" tokens for the link in every alert.</summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    readonly IDataProtector protector = protection.CreateProtector("Kinerja.Komunitas.Berhenti.v1");

    public string Create(int memberId, AlertChannel channel) =>
        protector.Protect($"{memberId.ToString(CultureInfo.InvariantCulture)}|{channel}");

    public (int MemberId, AlertChannel Channel)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        try
        {
            var parts = protector.Unprotect(token).Split('|');
            return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
                && Enum.TryParse<AlertChannel>(parts[1], out var channel) ? (id, channel) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
