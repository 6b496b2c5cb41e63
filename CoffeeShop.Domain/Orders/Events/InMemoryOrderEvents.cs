using System.Threading.Channels;

namespace CoffeeShop.Domain.Orders.Events;

/// <summary>
/// Order changes within one process: a subscriber hears the changes this instance saves, not another instance's.
/// A slow subscriber keeps only its latest changes (each one says "read the order again", so older ones add nothing).
/// </summary>
public sealed class InMemoryOrderEvents : IOrderEventPublisher, IOrderEventSource
{
    private const int BufferedChangesPerSubscriber = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<int, List<Subscription>> _subscribers = [];

    public void Publish(OrderChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Subscription[] subscribers;
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(change.OrderId, out var list))
            {
                return;
            }

            subscribers = [.. list];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Changes.Writer.TryWrite(change);
        }
    }

    public IOrderSubscription Subscribe(int orderId)
    {
        var subscription = new Subscription(this, orderId);
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(orderId, out var list))
            {
                _subscribers[orderId] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            if (_subscribers.TryGetValue(subscription.OrderId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscribers.Remove(subscription.OrderId);
            }
        }

        subscription.Changes.Writer.TryComplete();
    }

    private sealed class Subscription(InMemoryOrderEvents owner, int orderId) : IOrderSubscription
    {
        public int OrderId { get; } = orderId;

        public Channel<OrderChanged> Changes { get; } = Channel.CreateBounded<OrderChanged>(
            new BoundedChannelOptions(BufferedChangesPerSubscriber) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public IAsyncEnumerable<OrderChanged> ReadAllAsync(CancellationToken cancellationToken) =>
            Changes.Reader.ReadAllAsync(cancellationToken);

        public void Dispose() => owner.Unsubscribe(this);
    }
}
