using Microsoft.AspNetCore.HttpOverrides;
using Prometheus;

namespace CoffeeShop.Web.Startup;

/// <summary>Prometheus metrics at /metrics, and forwarded headers for running behind a reverse proxy.</summary>
internal static class ObservabilitySetup
{
    public static IServiceCollection AddCoffeeShopForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = configuration.GetValue("ForwardedHeaders:ForwardLimit", 1);

            // Only the proxies named here are believed; by default that is loopback alone.
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            var hosts = configuration.GetSection("ForwardedHeaders:AllowedHosts").Get<string[]>();
            if (hosts is { Length: > 0 })
            {
                o.AllowedHosts = hosts;
            }
        });
        return services;
    }

    public static IApplicationBuilder UseCoffeeShopForwardedHeaders(this WebApplication app) =>
        app.Configuration.GetValue("ForwardedHeaders:Enabled", false) ? app.UseForwardedHeaders() : app;

    public static void MapCoffeeShopMetrics(this WebApplication app)
    {
        if (app.Configuration.GetValue("Metrics:Enabled", true))
        {
            app.MapMetrics("/metrics").AllowAnonymous().DisableRateLimiting();
        }
    }
}
