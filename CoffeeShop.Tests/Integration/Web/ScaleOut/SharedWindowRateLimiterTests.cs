using System.Threading.RateLimiting;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.ScaleOut;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Tests.Integration.Web.ScaleOut;

/// <summary>The shared window on a real Redis: instances that lease permits in chunks never admit more than one budget.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
[NonParallelizable]
public sealed class SharedWindowRateLimiterTests
{
    private RedisServer _server = null!;
    private RedisConnection _redis = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await RedisServer.StartNewAsync();
        _redis = new RedisConnection(
            Options.Create(new RedisOptions { Configuration = _server.Configuration, Prefix = $"test-{Guid.NewGuid():N}" }),
            NullLogger<RedisConnection>.Instance);
        await _redis.StartAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _redis.DisposeAsync();
        await _server.DisposeAsync();
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(50)]
    public async Task ThreeInstances_ConcurrentCallers_AdmitAtMostOneBudget(int leaseSize)
    {
        const int budget = 40;
        var key = $"client-{Guid.NewGuid():N}";
        using var first = Shared(key, budget, leaseSize);
        using var second = Shared(key, budget, leaseSize);
        using var third = Shared(key, budget, leaseSize);

        var attempts = Enumerable.Range(0, 90).Select(i => AcquiredAsync((i % 3) switch { 0 => first, 1 => second, _ => third }));
        var admitted = (await Task.WhenAll(attempts)).Count(acquired => acquired);

        Assert.Multiple(() =>
        {
            Assert.That(admitted, Is.LessThanOrEqualTo(budget), "never more than one budget in all");
            Assert.That(admitted, Is.GreaterThanOrEqualTo(budget - (3 * (leaseSize - 1))), "at most a lease's remainder per instance unspent");
        });
    }

    [Test]
    public async Task Refusal_CarriesTheTimeLeftInTheWindow()
    {
        using var limiter = Shared($"client-{Guid.NewGuid():N}", 1, 1);
        using var granted = await limiter.AcquireAsync();
        using var refused = await limiter.AcquireAsync();

        Assert.Multiple(() =>
        {
            Assert.That(granted.IsAcquired, Is.True);
            Assert.That(refused.IsAcquired, Is.False);
            Assert.That(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter), Is.True);
            Assert.That(retryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromHours(1)));
        });
    }

    private SharedWindowRateLimiter Shared(string key, int budget, int leaseSize) => new(
        key, budget, TimeSpan.FromHours(1), leaseSize, _redis,
        new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = budget, Window = TimeSpan.FromHours(1) }),
        TimeProvider.System);

    /// <summary>As the rate-limiting middleware asks: synchronously first, then asynchronously when that is not enough.</summary>
    private static async Task<bool> AcquiredAsync(RateLimiter limiter)
    {
        using var quick = limiter.AttemptAcquire();
        if (quick.IsAcquired)
        {
            return true;
        }

        using var lease = await limiter.AcquireAsync();
        return lease.IsAcquired;
    }
}
