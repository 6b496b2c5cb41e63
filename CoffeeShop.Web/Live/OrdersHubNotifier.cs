using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Observability;
using Microsoft.AspNetCore.SignalR;

namespace CoffeeShop.Web.Live;

/// <summary>
/// Registered when the hub's sends reach the connections of every instance by themselves (SignalR's Redis backplane,
/// <c>ScaleOut/RedisBackplaneHubLifetimeManager</c>).
/// </summary>
public sealed class HubBackplane;

/// <summary>
/// Sends each committed order change to the hub's groups: a new order to the queue (<c>orderPlaced</c>), a move or
/// a cancel to the order's watchers and the queue (<c>orderUpdated</c>). One reader, so changes go out in the
/// order they were published. With a <see cref="HubBackplane"/> it sends only the changes committed here: the other
/// instances' changes reach this instance's connections through the backplane, from the instance that made them, so
/// sending them here too would deliver each twice. Without one it sends every change the feed hears.
/// </summary>
internal sealed class OrdersHubNotifier(
    IOrderEventFeed stream, IHubContext<OrdersHub> hub, ILogger<OrdersHubNotifier> logger, HubBackplane? backplane = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = backplane is null ? stream.SubscribeAll() : stream.SubscribeLocal();
        try
        {
            await foreach (var change in subscription.ReadAllAsync(stoppingToken))
            {
                await SendAsync(change, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SendAsync(OrderEvent change, CancellationToken cancellationToken)
    {
        try
        {
            if (change.Kind == OrderChangeKind.Placed)
            {
                await hub.Clients.Group(OrdersHub.QueueGroup).SendAsync(OrdersHub.OrderPlaced, change.Order, cancellationToken);
                LiveMetrics.MessageSent(LiveMetrics.SignalR, OrdersHub.OrderPlaced);
            }
            else
            {
                await hub.Clients.Groups([OrdersHub.QueueGroup, OrdersHub.OrderGroup(change.OrderId)])
                    .SendAsync(OrdersHub.OrderUpdated, change.Order, cancellationToken);
                LiveMetrics.MessageSent(LiveMetrics.SignalR, OrdersHub.OrderUpdated);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not send the change to order {OrderId} to live listeners", change.OrderId);
        }
    }
}
