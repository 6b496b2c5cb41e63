using CoffeeShop.Web.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CoffeeShop.Web.ScaleOut;

/// <summary>
/// Menu changes across instances: a write on one instance drops its own copies (<see cref="MenuCopies"/>) and publishes
/// on a Redis channel; every other instance drops its copies when the message arrives, so the next GET anywhere reads
/// the new menu. The output cache itself stays in each instance's memory (measured faster than a cache in Redis, and
/// it keeps serving while Redis is away). Messages missed while Redis was away cannot be replayed, so an instance also
/// drops its copies when the connection comes back.
/// </summary>
internal sealed partial class RedisMenuEvictions(
    RedisConnection redis, MenuCopies copies, IOptions<RedisOptions> options, ILogger<RedisMenuEvictions> logger)
    : BackgroundService, IMenuChangeBroadcast
{
    // On the wire "<Redis:Prefix>:menu-changed": RedisConnection prefixes every channel.
    private static readonly RedisChannel Channel = RedisChannel.Literal("menu-changed");

    private readonly string _instance = Guid.NewGuid().ToString("N");

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (redis.Multiplexer is not { IsConnected: true } multiplexer)
        {
            return; // degraded: the others see the change when their copies expire
        }

        try
        {
            await multiplexer.GetSubscriber().PublishAsync(Channel, _instance);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, ex.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var multiplexer = redis.Multiplexer;
        if (multiplexer is null)
        {
            return;
        }

        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                _ = DropQuietlyAsync(stoppingToken);
            }
        };

        // Once subscribed, the client renews the subscription after every reconnection by itself.
        var retry = TimeSpan.FromMilliseconds(options.Value.ReconnectMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await multiplexer.GetSubscriber().SubscribeAsync(Channel, (channel, message) =>
                {
                    if (message != _instance)
                    {
                        _ = DropQuietlyAsync(stoppingToken);
                    }
                });
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                await Task.Delay(retry, stoppingToken);
            }
        }
    }

    private async Task DropQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await copies.DropAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Debug, "Could not announce a menu change over Redis ({Failure}); other instances see it when their copies expire")]
    private static partial void LogPublishFailed(ILogger logger, string failure);
}
