namespace CoffeeShop.Domain.Orders.Events;

/// <summary>Where a watcher subscribes to one order's changes (the gRPC WatchOrder stream).</summary>
public interface IOrderEventSource
{
    /// <summary>
    /// Starts receiving the changes of order <paramref name="orderId"/> from now on. Subscribe before reading the
    /// order's current state, so no change falls between the read and the subscription.
    /// </summary>
    IOrderSubscription Subscribe(int orderId);
}

/// <summary>One watcher's changes of one order; dispose it to stop receiving them.</summary>
public interface IOrderSubscription : IDisposable
{
    /// <summary>The changes as they come, until the token is cancelled.</summary>
    IAsyncEnumerable<OrderChanged> ReadAllAsync(CancellationToken cancellationToken);
}
