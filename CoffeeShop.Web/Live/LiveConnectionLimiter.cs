using System.Globalization;
using System.Threading.RateLimiting;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Live;

/// <summary>
/// Caps open live connections per caller (user, API key or, for guests, client IP) across the hub and the event
/// streams, and limits new hub connections per IP. Counts live in this instance's memory, like the rate limits.
/// </summary>
public sealed class LiveConnectionLimiter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly LiveOptions _options;
    private readonly PartitionedRateLimiter<string> _attempts;

    public LiveConnectionLimiter(IOptions<LiveOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var window = _options.ConnectAttempts;
        _attempts = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, window.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, window.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Who a live connection counts against: the signed-in user, the API key, or the client IP.</summary>
    public static string CallerKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CurrentUser.KeyOf(context.User) is { } key ? "user:" + key : "ip:" + ClientIp(context);
    }

    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Opens a connection for <paramref name="caller"/>, or null when the caller already has the most allowed.</summary>
    public IDisposable? TryOpen(string caller)
    {
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(caller);
            if (open >= _options.MaxConnectionsPerCaller)
            {
                LiveMetrics.RefusedBecause("connections-per-caller");
                return null;
            }

            _open[caller] = open + 1;
        }

        return new Lease(this, caller);
    }

    /// <summary>Takes one connection attempt from the IP's window; false (with the wait) when the window is used up.</summary>
    public bool TryAttempt(string ip, out TimeSpan retryAfter)
    {
        using var lease = _attempts.AttemptAcquire(ip);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(_options.ConnectAttempts.WindowSeconds);
        if (!lease.IsAcquired)
        {
            LiveMetrics.RefusedBecause("connect-attempts");
        }

        return lease.IsAcquired;
    }

    public static string RetryAfterHeader(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _attempts.Dispose();

    private void Close(string caller)
    {
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(caller) - 1;
            if (open <= 0)
            {
                _open.Remove(caller);
            }
            else
            {
                _open[caller] = open;
            }
        }
    }

    private sealed class Lease(LiveConnectionLimiter owner, string caller) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Close(caller);
            }
        }
    }
}
