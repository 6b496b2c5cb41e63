using Prometheus;

namespace CoffeeShop.Web.Observability;

/// <summary>
/// The shop's own counters, beside ASP.NET Core's own metrics (HTTP rate, latency, status codes) at /metrics. Each
/// labelled series the alerts read is published at 0 from start-up, so a rule can tell "none yet" from "no data".
/// </summary>
public static class ShopMetrics
{
    /// <summary>Where an order or a sign-in came from.</summary>
    public static class Channels
    {
        public const string Web = "web";
        public const string Api = "api";

        public static readonly string[] All = [Web, Api];
    }

    private static readonly Counter OrdersCreated = PerChannel(Metrics.CreateCounter(
        "coffeeshop_orders_created_total", "Orders placed (idempotent replays not counted).", new CounterConfiguration { LabelNames = ["channel"] }));

    private static readonly Counter OrdersRefused = PerChannel(Metrics.CreateCounter(
        "coffeeshop_orders_refused_total", "Order attempts refused for invalid input or a rule of the shop.", new CounterConfiguration { LabelNames = ["channel"] }));

    private static readonly Counter RateLimited = Metrics.CreateCounter(
        "coffeeshop_rate_limited_total", "Requests refused with 429 by the rate limiter.");

    private static readonly Counter SignInFailures = PerChannel(Metrics.CreateCounter(
        "coffeeshop_sign_in_failures_total", "Sign-ins and token requests refused for a wrong email or password.", new CounterConfiguration { LabelNames = ["channel"] }));

    private static readonly Counter Lockouts = PerChannel(Metrics.CreateCounter(
        "coffeeshop_sign_in_lockouts_total", "Sign-ins and token requests refused because the account is locked out.", new CounterConfiguration { LabelNames = ["channel"] }));

    private static readonly Counter Refusals = Metrics.CreateCounter(
        "coffeeshop_security_refusals_total",
        "Responses 401, 403 and 429, by status, route group and the kind of caller.",
        new CounterConfiguration { LabelNames = ["status", "route_group", "client_class"] });

    public static void OrderCreated(string channel) => OrdersCreated.WithLabels(channel).Inc();

    public static void OrderRefused(string channel) => OrdersRefused.WithLabels(channel).Inc();

    public static void RequestRateLimited() => RateLimited.Inc();

    public static void SignInFailed(string channel) => SignInFailures.WithLabels(channel).Inc();

    public static void SignInLockedOut(string channel) => Lockouts.WithLabels(channel).Inc();

    public static void RequestRefused(int status, string routeGroup, string clientClass) =>
        Refusals.WithLabels(status.ToString(System.Globalization.CultureInfo.InvariantCulture), routeGroup, clientClass).Inc();

    private static Counter PerChannel(Counter counter)
    {
        foreach (var channel in Channels.All)
        {
            counter.WithLabels(channel);
        }

        return counter;
    }

    /// <summary>Touches the class so its series exist from start-up rather than from the first event.</summary>
    public static void Publish() => RateLimited.Publish();
}
