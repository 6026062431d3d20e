using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// Per-address and per-account limits for registration and commenting (System.Threading.RateLimiting),
/// held by the handlers themselves so the page can answer 429 with an Indonesian explanation.
/// </summary>
public sealed class RateLimits : IDisposable
{
    public RateLimits(IOptions<KomunitasOptions> options)
    {
        var o = options.Value;
        RegistrationByAddress = Window(o.RegistrationsPerAddressPerHour, TimeSpan.FromHours(1));
        CommentByUser = Window(o.CommentsPerUserPer10Minutes, TimeSpan.FromMinutes(10));
        CommentByAddress = Window(o.CommentsPerAddressPer10Minutes, TimeSpan.FromMinutes(10));
    }

    public PartitionedRateLimiter<string> RegistrationByAddress { get; }

    public PartitionedRateLimiter<string> CommentByUser { get; }

    public PartitionedRateLimiter<string> CommentByAddress { get; }

    static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    /// <summary>The client's address as the partition key (no proxy headers are trusted here).</summary>
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "tanpa-alamat";

    /// <summary>Takes one permit from every limiter given; false (and 429 for the caller) when any is exhausted.</summary>
    public static bool TryAcquire(params (PartitionedRateLimiter<string> Limiter, string Key)[] limits)
    {
        foreach (var (limiter, key) in limits)
        {
            using var lease = limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
                return false;
        }
        return true;
    }

    public void Dispose()
    {
        RegistrationByAddress.Dispose();
        CommentByUser.Dispose();
        CommentByAddress.Dispose();
    }
}
