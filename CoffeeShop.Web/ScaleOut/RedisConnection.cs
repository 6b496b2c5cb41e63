using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CoffeeShop.Web.ScaleOut;

/// <summary>
/// The app's one connection to Redis. It connects when the host starts and never makes start-up fail: while Redis is
/// away, <see cref="IsAvailable"/> is false, callers use their local fallbacks, commands fail at once instead of
/// queueing, and the client keeps reconnecting by itself. Each outage is logged once, and so is each recovery.
/// </summary>
public sealed partial class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? _multiplexer;
    private int _down;

    /// <summary>True while commands can reach Redis.</summary>
    public bool IsAvailable => _multiplexer is { IsConnected: true };

    /// <summary>The key and channel prefix shared by every instance of this app.</summary>
    public string Prefix => options.Value.Prefix;

    /// <summary>The database, or null when Redis is away (use the local fallback then).</summary>
    public IDatabase? Database => IsAvailable ? _multiplexer!.GetDatabase() : null;

    /// <summary>The multiplexer, for libraries that take one (SignalR's backplane); null before start.</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>
    /// Raised when subscriptions can be made: at start-up when Redis is there, and as the connections come back after
    /// an outage. What could not subscribe while Redis was away subscribes then.
    /// </summary>
    public event EventHandler? SubscriptionsAvailable;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var configuration = ConfigurationOptions.Parse(settings.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry(settings.ReconnectMilliseconds);
        configuration.ConnectTimeout = settings.CommandTimeoutMilliseconds * 2;
        configuration.AsyncTimeout = settings.CommandTimeoutMilliseconds;
        configuration.SyncTimeout = settings.CommandTimeoutMilliseconds;
        configuration.ClientName ??= "coffeeshop";

        // Every channel, ours and those of libraries sharing this connection (SignalR's backplane), carries the prefix.
        configuration.ChannelPrefix = RedisChannel.Literal(settings.Prefix + ":");

        _multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        _multiplexer.ConnectionFailed += (_, e) => MarkDown(e.FailureType.ToString());
        _multiplexer.ConnectionRestored += (_, _) =>
        {
            MarkUp();

            // Raised as each of the two connections (commands, subscriptions) comes back, in either order: a
            // subscriber that finds Redis not quite there at the first try succeeds at the second.
            SubscriptionsAvailable?.Invoke(this, EventArgs.Empty);
        };
        if (_multiplexer.IsConnected)
        {
            LogConnected(logger, string.Join(", ", configuration.EndPoints));
            SubscriptionsAvailable?.Invoke(this, EventArgs.Empty);
        }
        else
        {
            MarkDown("not reachable at start-up");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }
    }

    private void MarkDown(string reason)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogDown(logger, reason);
        }
    }

    private void MarkUp()
    {
        if (_multiplexer is { IsConnected: true } && Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogRestored(logger);
        }
    }

    [LoggerMessage(LogLevel.Information, "Redis connected ({Endpoints}): rate limits, cache evictions and live updates are shared")]
    private static partial void LogConnected(ILogger logger, string endpoints);

    [LoggerMessage(LogLevel.Warning, "Redis unavailable ({Reason}): serving with local caches and local rate limits until it is back")]
    private static partial void LogDown(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "Redis reachable again: rate limits, cache evictions and live updates are shared again")]
    private static partial void LogRestored(ILogger logger);
}
