using CoffeeShop.Web.Security;

namespace CoffeeShop.Web.Live;

/// <summary>The <c>Live</c> configuration section: limits of the SignalR hub and the Server-Sent Events stream.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>Open live connections (hub and event streams together) per signed-in user, API key or, for guests, client IP.</summary>
    public int MaxConnectionsPerCaller { get; set; } = 20;

    /// <summary>New hub connections per client IP (negotiations and direct WebSocket connects), outside the request rate limiter.</summary>
    public WindowLimit ConnectAttempts { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>The largest message a client may send to the hub, in bytes; a larger one closes the connection.</summary>
    public int MaxMessageBytes { get; set; } = 4096;

    /// <summary>A connection that watches no order (and is not in the barista queue) for this long is closed.</summary>
    public int IdleTimeoutSeconds { get; set; } = 60;

    /// <summary>How many orders one connection may watch at once.</summary>
    public int MaxWatchedOrdersPerConnection { get; set; } = 20;

    /// <summary>Unknown codes one connection may try before it is closed (a guard against guessing).</summary>
    public int MaxFailedWatchesPerConnection { get; set; } = 5;

    /// <summary>The longest silence on an event stream before a comment line is sent; the contract says at most 15 s.</summary>
    public double HeartbeatSeconds { get; set; } = 15;

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(Math.Clamp(HeartbeatSeconds, 0.05, 15));

    public TimeSpan IdleTimeout => TimeSpan.FromSeconds(Math.Max(1, IdleTimeoutSeconds));
}
