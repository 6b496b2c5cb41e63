using System.Diagnostics.Metrics;
using CoffeeShop.Web.Observability;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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

    /// <summary>
    /// The gauges the alerts read beside the counters (eng/monitoring/alerts.yml): health checks' results, published on
    /// the framework's schedule (<c>Monitoring:HealthPublishSeconds</c>), and whether the shop is open.
    /// </summary>
    public static IServiceCollection AddCoffeeShopMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Metrics:Enabled", true))
        {
            return services;
        }

        var period = TimeSpan.FromSeconds(configuration.GetValue("Monitoring:HealthPublishSeconds", 15));
        services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(1);
            o.Period = period;
        });
        services.AddSingleton<IHealthCheckPublisher>(new HealthMetricsPublisher(HealthEndpoints.ReadyTag));
        services.Configure<OpeningHoursOptions>(configuration.GetSection(OpeningHoursOptions.SectionName));
        services.AddHostedService<OpeningHoursGauge>();
        return services;
    }

    public static IApplicationBuilder UseCoffeeShopForwardedHeaders(this WebApplication app) =>
        app.Configuration.GetValue("ForwardedHeaders:Enabled", false) ? app.UseForwardedHeaders() : app;

    public static void MapCoffeeShopMetrics(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Metrics:Enabled", true))
        {
            return;
        }

        MeterPublishing.Start();
        ShopMetrics.Publish();
        LiveMetrics.Publish();
        app.MapMetrics("/metrics")
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .AllowAnonymous()
            .DisableRateLimiting();
    }

    /// <summary>
    /// Publishes the .NET meters (ASP.NET Core, Kestrel, EF Core, the runtime) at /metrics from start-up. HTTP rate,
    /// latency and status come from ASP.NET Core's own http.server.request.duration histogram, which hosting records
    /// once the whole pipeline is done: with the status the client got (a middleware inside the exception handler
    /// would see 200 for an exception that became a 404) and the route template. prometheus-net's own adapter would
    /// only start at the first scrape, missing every request before it; there is one per process, as the registry is.
    /// Its event-counter adapter is off too: since .NET 9 the runtime's meter ("System.Runtime") says the same.
    /// </summary>
    private static class MeterPublishing
    {
        // Durations from 1 ms (a cached GET) to 10 s: the adapter's default buckets start at 10 ms.
        private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

        private static readonly Lazy<IDisposable> Listener = new(() =>
        {
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true, SuppressEventCounters = true });
            var options = new MeterAdapterOptions { InstrumentFilterPredicate = Published };
            var defaultBuckets = options.ResolveHistogramBuckets;
            options.ResolveHistogramBuckets = instrument => instrument.Unit == "s" ? SecondsBuckets : defaultBuckets(instrument);
            return MeterAdapter.StartListening(options);
        });

        public static void Start() => _ = Listener.Value;

        /// <summary>
        /// The adapter costs a few microseconds per measurement, so instruments measured on every request are left
        /// out unless they are the point: the request-duration histogram stays; the memory pool (every buffer
        /// rented), routing, rate limiting, authentication and the active-request gauge go (about a fifth of
        /// a cached GET's CPU in a profile). What is measured per connection, per query, per exception or at
        /// scrape time (the runtime) stays.
        /// </summary>
        private static bool Published(Instrument instrument) => instrument.Meter.Name switch
        {
            "Microsoft.AspNetCore.Hosting" => instrument.Name == "http.server.request.duration",
            "Microsoft.AspNetCore.Server.Kestrel" or "Microsoft.AspNetCore.Diagnostics" or "Microsoft.AspNetCore.Identity"
                or "Microsoft.EntityFrameworkCore" or "System.Runtime" => true,
            _ => false,
        };
    }
}
