using Prometheus;

namespace CoffeeShop.Web.Observability;

/// <summary>Live updates at /metrics: open connections and messages sent, per transport (signalr, sse), and refusals.</summary>
public static class LiveMetrics
{
    private static readonly Gauge OpenConnections = Metrics.CreateGauge(
        "coffeeshop_live_connections", "Open live connections: SignalR hub connections and order event streams.",
        new GaugeConfiguration { LabelNames = ["transport"] });

    private static readonly Counter MessagesSent = Metrics.CreateCounter(
        "coffeeshop_live_messages_sent_total",
        "Live messages sent: one per hub group send (orderPlaced, orderUpdated) and one per event-stream event.",
        new CounterConfiguration { LabelNames = ["transport", "message"] });

    private static readonly Counter Refused = Metrics.CreateCounter(
        "coffeeshop_live_refused_total", "Live connections or hub calls refused, by reason.", new CounterConfiguration { LabelNames = ["reason"] });

    public const string SignalR = "signalr";
    public const string Sse = "sse";

    public static void ConnectionOpened(string transport) => OpenConnections.WithLabels(transport).Inc();

    public static void ConnectionClosed(string transport) => OpenConnections.WithLabels(transport).Dec();

    public static void MessageSent(string transport, string message) => MessagesSent.WithLabels(transport, message).Inc();

    public static void RefusedBecause(string reason) => Refused.WithLabels(reason).Inc();

    /// <summary>Publishes the open-connection gauge of each transport at 0 from start-up (the dashboard reads it).</summary>
    public static void Publish()
    {
        OpenConnections.WithLabels(SignalR);
        OpenConnections.WithLabels(Sse);
    }
}
