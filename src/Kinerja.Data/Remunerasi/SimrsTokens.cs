using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Remunerasi;

/// <summary>SIMRS bearer tokens: 32 random bytes, shown once; only their SHA-256 is stored.</summary>
public static class SimrsTokens
{
    const string Prefix = "knj_";

    public static (string Token, SimrsApiToken Entity) Create(int institutionId, string name, string createdBy, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, new SimrsApiToken
        {
            InstitutionId = institutionId, Name = name, Prefix = token[..10], TokenHash = Hash(token), CreatedBy = createdBy,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The active token with this value, whatever the context's institution filter; null when unknown or revoked.</summary>
    public static Task<SimrsApiToken?> FindAsync(KinerjaDb db, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hash = Hash(token);
        return db.SimrsApiTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.TokenHash == hash && x.RevokedAt == null, cancellationToken);
    }
}
