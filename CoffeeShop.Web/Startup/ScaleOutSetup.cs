using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Live;
using CoffeeShop.Web.ScaleOut;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SignalRRedisOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// Redis, when <c>Redis:Configuration</c> is set: one connection, a readiness check that reports it (Degraded while it
/// is away: the instance still serves), the menu's evictions and the committed order changes relayed to every
/// instance, SignalR's backplane with its local fallback, and the shared rate limits that use it (RateLimitingSetup). Without the
/// setting nothing here is registered and every instance works alone, as the embedded default does.
/// </summary>
internal static class ScaleOutSetup
{
    public static IServiceCollection AddCoffeeShopScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RedisOptions.SectionName);
        services.Configure<RedisOptions>(section);
        var redisOptions = section.Get<RedisOptions>();
        if (!(redisOptions?.Enabled ?? false))
        {
            return services;
        }

        services.AddSingleton<RedisConnection>();
        services.AddHostedService(provider => provider.GetRequiredService<RedisConnection>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        services.AddSingleton<RedisMenuEvictions>();
        services.AddSingleton<IMenuChangeBroadcast>(provider => provider.GetRequiredService<RedisMenuEvictions>());
        services.AddHostedService(provider => provider.GetRequiredService<RedisMenuEvictions>());
        services.AddHostedService<RedisOrderEventRelay>();

        // SignalR's Redis backplane on the app's connection, behind a local fallback (RedisBackplaneHubLifetimeManager).
        services.AddSingleton<HubBackplane>();
        services.AddSingleton<HubLifetimeManager<OrdersHub>, RedisBackplaneHubLifetimeManager<OrdersHub>>();
        services.AddOptions<SignalRRedisOptions>().Configure<RedisConnection>((o, redis) =>
            o.ConnectionFactory = _ => Task.FromResult(redis.Multiplexer ?? throw new InvalidOperationException("Redis is not connected yet.")));
        if (redisOptions.OutputCacheStore == OutputCacheStoreKind.Redis)
        {
            services.AddRedisOutputCacheStore(redisOptions.Prefix);
        }

        return services;
    }

    /// <summary>The output cache in Redis, on the app's connection, with this instance's memory while Redis is away.</summary>
    private static void AddRedisOutputCacheStore(this IServiceCollection services, string prefix)
    {
        var memory = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("Register the output cache (AddMenuCaching) before the scale-out.");
        services.AddStackExchangeRedisOutputCache(o => o.InstanceName = prefix + ":output-cache:");
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((o, redis) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer ?? throw new InvalidOperationException("Redis is not connected yet.")));
        var stored = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        if (ReferenceEquals(stored, memory))
        {
            throw new InvalidOperationException("The Redis output cache store did not register itself.");
        }

        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => new RedisOrLocalOutputCacheStore(
            ServiceDescriptors.Instantiate<IOutputCacheStore>(stored, provider),
            ServiceDescriptors.Instantiate<IOutputCacheStore>(memory, provider),
            provider.GetRequiredService<RedisConnection>()));
    }
}
