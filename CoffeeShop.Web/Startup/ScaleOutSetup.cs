using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Live;
using CoffeeShop.Web.ScaleOut;
using Microsoft.AspNetCore.SignalR;
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
        if (!(section.Get<RedisOptions>()?.Enabled ?? false))
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
        return services;
    }
}
