using System.Text.Json;
using System.Text.Json.Serialization;
using CoffeeShop.Web.Live;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CoffeeShop.Web.ScaleOut;

/// <summary>
/// Order changes across instances: each change this instance commits goes out on a Redis channel, and each change
/// another instance committed comes in to this instance's <see cref="OrderEventBroker"/>, so the SignalR hub, the
/// event streams and gRPC's WatchOrder here hear every instance's changes. The hub sends to its own connections
/// only (no SignalR backplane): a backplane routes even local sends through Redis, so a Redis outage would silence
/// the instance's own listeners, while this relay leaves local delivery untouched when Redis is away.
/// </summary>
internal sealed class RedisOrderEventRelay(RedisConnection redis, OrderEventBroker broker, IOptions<RedisOptions> options)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // On the wire "<Redis:Prefix>:order-events": RedisConnection prefixes every channel.
    private static readonly RedisChannel Channel = RedisChannel.Literal("order-events");

    private readonly string _instance = Guid.NewGuid().ToString("N");

    // The same prefix as bytes: Redis sends this instance's own messages back too, and they are skipped unread.
    private byte[]? _ownPrefix;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        using var local = broker.SubscribeLocal();
        await SubscribeAsync(multiplexer, stoppingToken);
        try
        {
            await foreach (var change in local.ReadAllAsync(stoppingToken))
            {
                if (!multiplexer.IsConnected)
                {
                    continue; // degraded: this instance's listeners have it already; the others cannot be told
                }

                try
                {
                    await multiplexer.GetSubscriber().PublishAsync(Channel, _instance + "\n" + JsonSerializer.Serialize(change, Json));
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    // Lost for the other instances only; their pages re-read on reconnect, streams resume by Last-Event-ID.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Subscribes, retrying while Redis is away; once subscribed, the client renews it after each reconnection.</summary>
    private async Task SubscribeAsync(IConnectionMultiplexer multiplexer, CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromMilliseconds(options.Value.ReconnectMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                await Task.Delay(retry, stoppingToken);
            }
        }
    }

    /// <summary>"instance id, newline, the change as JSON": an instance skips its own messages without parsing them.</summary>
    private void Receive(RedisValue message)
    {
        var bytes = ((ReadOnlyMemory<byte>)message).Span;
        var ownPrefix = _ownPrefix ??= System.Text.Encoding.UTF8.GetBytes(_instance + "\n");
        var separator = bytes.IndexOf((byte)'\n');
        if (separator <= 0 || bytes.StartsWith(ownPrefix))
        {
            return;
        }

        if (JsonSerializer.Deserialize<OrderEvent>(bytes[(separator + 1)..], Json) is { } change)
        {
            broker.PublishRemote(change);
        }
    }
}
