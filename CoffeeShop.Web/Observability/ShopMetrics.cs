using Prometheus;

namespace CoffeeShop.Web.Observability;

/// <summary>The shop's own counters, beside ASP.NET Core's own metrics (HTTP rate, latency, status codes) at /metrics.</summary>
public static class ShopMetrics
{
    /// <summary>The <c>channel</c> label of an order placed through the JSON API.</summary>
    public const string ApiChannel = "api";

    /// <summary>The <c>channel</c> label of an order placed on the site's pages.</summary>
    public const string WebChannel = "web";

    /// <summary>
    /// The channels an order is placed through; each is published at 0 from start-up. A new front end that places
    /// orders adds its channel here.
    /// </summary>
    public static readonly IReadOnlyList<string> OrderChannels = [ApiChannel, WebChannel];

    private static readonly Counter OrdersCreated = Metrics.CreateCounter(
        "coffeeshop_orders_created_total", "Orders placed (idempotent replays not counted).", new CounterConfiguration { LabelNames = ["channel"] });

    private static readonly Counter RateLimited = Metrics.CreateCounter(
        "coffeeshop_rate_limited_total", "Requests refused with 429 by the rate limiter.");

    public static void OrderCreated(string channel) => OrdersCreated.WithLabels(channel).Inc();

    public static void RequestRateLimited() => RateLimited.Inc();

    /// <summary>
    /// Publishes every series at 0 now, instead of at its first increment: a scrape (or an alert on
    /// <c>increase(...)</c>) sees the counter from start-up, and the first event counts as an increase from 0.
    /// Creating the counters is what publishes an unlabelled one; a labelled series needs its labels.
    /// </summary>
    public static void PublishAtZero()
    {
        foreach (var channel in OrderChannels)
        {
            OrdersCreated.WithLabels(channel);
        }
    }
}
