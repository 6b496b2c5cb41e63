using Prometheus;

namespace CoffeeShop.Web.Observability;

/// <summary>The shop's own counters, beside ASP.NET Core's own metrics (HTTP rate, latency, status codes) at /metrics.</summary>
public static class ShopMetrics
{
    private static readonly Counter OrdersCreated = Metrics.CreateCounter(
        "coffeeshop_orders_created_total", "Orders placed (idempotent replays not counted).", new CounterConfiguration { LabelNames = ["channel"] });

    private static readonly Counter RateLimited = Metrics.CreateCounter(
        "coffeeshop_rate_limited_total", "Requests refused with 429 by the rate limiter.");

    public static void OrderCreated(string channel) => OrdersCreated.WithLabels(channel).Inc();

    public static void RequestRateLimited() => RateLimited.Inc();
}
