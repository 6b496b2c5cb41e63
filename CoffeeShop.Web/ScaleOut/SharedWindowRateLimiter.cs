using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace CoffeeShop.Web.ScaleOut;

/// <summary>
/// A fixed window that every instance shares through Redis: one budget per client however many instances serve it.
/// Windows are aligned to the clock, so all instances count into the same Redis key. To keep Redis off the hot path,
/// an instance takes permits in small leases (a few percent of the limit, at least one) and spends them locally; the
/// Redis script never grants more than the limit in all, so instances together never admit more than one budget
/// (they may admit a few less, when a lease is left unspent as its window ends). While Redis is away, the window of
/// this instance alone (<paramref name="fallback"/>) decides, as it would without Redis.
/// </summary>
internal sealed class SharedWindowRateLimiter(
    string partitionKey, int permitLimit, TimeSpan window, int leaseSize, RedisConnection redis, RateLimiter fallback, TimeProvider clock)
    : RateLimiter
{
    // Adds the lease to the window's count and returns how much of it fits under the limit (0 when none does).
    private static readonly LuaScript TakeLease = LuaScript.Prepare(
        """
        local used = redis.call('INCRBY', @key, @lease)
        if used == tonumber(@lease) then redis.call('PEXPIRE', @key, @ttl) end
        local before = used - tonumber(@lease)
        local limit = tonumber(@limit)
        if before >= limit then return 0 end
        return math.min(tonumber(@lease), limit - before)
        """);

    private readonly Lock _gate = new();
    private long _windowNumber = -1;
    private long _localPermits;
    private long _lastUsed = clock.GetTimestamp();
    private Task<LeaseOutcome>? _leaseInFlight;

    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => fallback.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, clock.GetTimestamp());
        if (!redis.IsAvailable)
        {
            return fallback.AttemptAcquire(permitCount);
        }

        // Not acquired here means "ask asynchronously": the rate-limiting middleware then calls AcquireAsync.
        return TrySpendLocal(permitCount) ? Leases.Acquired : Leases.NotYet;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        // A caller that finds the local permits spent joins the lease request in flight, if any, rather than sending
        // its own: concurrent callers would otherwise take several leases at once and leave most of them unspent.
        while (true)
        {
            if (redis.Database is null)
            {
                return await fallback.AcquireAsync(permitCount, cancellationToken);
            }

            if (TrySpendLocal(permitCount))
            {
                return Leases.Acquired;
            }

            Task<LeaseOutcome> request;
            lock (_gate)
            {
                if (_leaseInFlight is null || _leaseInFlight.IsCompleted)
                {
                    _leaseInFlight = TakeLeaseAsync(permitCount);
                }

                request = _leaseInFlight;
            }

            var outcome = await request.WaitAsync(cancellationToken);
            switch (outcome.Granted)
            {
                case > 0:
                    continue; // spend from what arrived, or ask again if others spent it first
                case 0 when TrySpendLocal(permitCount):
                    return Leases.Acquired;
                case 0:
                    return new Refused(outcome.RetryAfter);
                default:
                    return await fallback.AcquireAsync(permitCount, cancellationToken);
            }
        }
    }

    /// <summary>Asks Redis for a lease in the current window and adds what it grants to the local permits (-1: Redis failed).</summary>
    private async Task<LeaseOutcome> TakeLeaseAsync(int permitCount)
    {
        var database = redis.Database;
        var now = clock.GetUtcNow();
        var windowNumber = now.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var windowEnds = DateTimeOffset.FromUnixTimeMilliseconds((windowNumber + 1) * (long)window.TotalMilliseconds);
        if (database is null)
        {
            return new LeaseOutcome(-1, TimeSpan.Zero);
        }

        long granted;
        try
        {
            granted = (long)await database.ScriptEvaluateAsync(TakeLease, new
            {
                key = (RedisKey)$"{redis.Prefix}:rate:{partitionKey}:{windowNumber}",
                lease = Math.Max(leaseSize, permitCount),
                ttl = (long)window.TotalMilliseconds + 1000,
                limit = permitLimit,
            });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new LeaseOutcome(-1, TimeSpan.Zero);
        }

        lock (_gate)
        {
            if (_windowNumber != windowNumber)
            {
                _windowNumber = windowNumber;
                _localPermits = 0;
            }

            _localPermits += granted;
        }

        return new LeaseOutcome(granted, windowEnds - now);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TrySpendLocal(int permitCount)
    {
        var windowNumber = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        lock (_gate)
        {
            if (_windowNumber != windowNumber || _localPermits < permitCount)
            {
                return false;
            }

            _localPermits -= permitCount;
            return true;
        }
    }

    private readonly record struct LeaseOutcome(long Granted, TimeSpan RetryAfter);

    private static class Leases
    {
        public static readonly RateLimitLease Acquired = new Granted(true);
        public static readonly RateLimitLease NotYet = new Granted(false);
    }

    private sealed class Granted(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Refused(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
