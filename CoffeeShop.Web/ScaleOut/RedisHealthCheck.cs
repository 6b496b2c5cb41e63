using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoffeeShop.Web.ScaleOut;

/// <summary>Redis away is Degraded, not Unhealthy: the instance still serves (with local caches and limits), so it stays ready.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsAvailable
            ? HealthCheckResult.Healthy("Shared through Redis.")
            : HealthCheckResult.Degraded("Redis unreachable: local caches and local rate limits."));
}
