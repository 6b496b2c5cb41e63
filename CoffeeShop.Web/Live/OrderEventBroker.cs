using System.Threading.Channels;
using AutoMapper;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Contracts.Orders;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Shop;

namespace CoffeeShop.Web.Live;

/// <summary>A committed change to an order, ready to send: the order as the JSON API shows it, mapped once for every listener.</summary>
/// <param name="Kind">Placed, a status move, or a cancel.</param>
/// <param name="OrderId">The order's id.</param>
/// <param name="Version">The order's version after the change (1 when placed, one more per move): an event id that orders the changes.</param>
/// <param name="Status">The status after the change.</param>
/// <param name="Order">The order as <c>GET /api/v1/orders/{id}</c> returns it.</param>
public sealed record OrderEvent(OrderChangeKind Kind, int OrderId, int Version, OrderStatus Status, OrderResponse Order)
{
    /// <summary>Completed or Cancelled: nothing more will happen to the order.</summary>
    public bool IsFinal => IsFinalStatus(Status);

    public static bool IsFinalStatus(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;
}

/// <summary>
/// Listening to committed order changes, for any front end in this process (the SignalR hub, the event stream, a
/// gRPC stream): subscribe, then read the current state, then read the subscription, skipping events whose
/// <see cref="OrderEvent.Version"/> is not newer than what was already sent. Subscribing first means no change
/// can fall between the read and the subscription.
/// </summary>
public interface IOrderEventFeed
{
    /// <summary>Changes to one order. A slow reader loses the oldest unread events (each carries the whole order), never the latest.</summary>
    OrderSubscription Subscribe(int orderId);

    /// <summary>Changes to every order, none dropped (for in-process dispatchers such as the hub's).</summary>
    OrderSubscription SubscribeAll();

    /// <summary>
    /// Changes committed by this instance only, none dropped: for the relay that passes them to the other instances
    /// (which must not pass on what it received from them).
    /// </summary>
    OrderSubscription SubscribeLocal();
}

/// <summary>One listener's events; dispose it to stop listening.</summary>
public sealed class OrderSubscription : IDisposable
{
    private readonly Channel<OrderEvent> _channel;
    private readonly Action<OrderSubscription> _unsubscribe;
    private int _disposed;

    internal OrderSubscription(Channel<OrderEvent> channel, Action<OrderSubscription> unsubscribe)
    {
        _channel = channel;
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<OrderEvent> Events => _channel.Reader;

    public IAsyncEnumerable<OrderEvent> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    internal bool TryWrite(OrderEvent orderEvent) => _channel.Writer.TryWrite(orderEvent);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe(this);
            _channel.Writer.TryComplete();
        }
    }
}

/// <summary>
/// The in-process order-event publisher: the domain publishes committed changes here (<see cref="IOrderEvents"/>),
/// listeners subscribe (<see cref="IOrderEventFeed"/>). Changes are handed to listeners under one lock, so every
/// listener sees them in the same order, and a change older than one already published for the same order (two
/// requests racing past their saves) is dropped rather than sent after the newer state.
/// </summary>
public sealed class OrderEventBroker(IMapper mapper, PriceFormatter prices, ILogger<OrderEventBroker> logger) : IOrderEvents, IOrderEventFeed
{
    private const int PerOrderCapacity = 16;

    private readonly Lock _gate = new();
    private readonly List<OrderSubscription> _all = [];
    private readonly List<OrderSubscription> _local = [];
    private readonly Dictionary<int, List<OrderSubscription>> _byOrder = [];
    private readonly Dictionary<int, int> _latestVersion = [];

    public void Publish(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            var order = change.Order;
            Dispatch(new OrderEvent(change.Kind, order.Id, order.Version, order.Status, mapper.ToOrderResponse(order, prices)), local: true);
        }
        catch (Exception ex)
        {
            // The change is committed whatever happens here: the caller's success must stand.
            logger.LogError(ex, "Could not publish the change to order {OrderId}", change.Order.Id);
        }
    }

    /// <summary>A change committed by another instance (relayed through Redis): to every listener here but the relay.</summary>
    public void PublishRemote(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        Dispatch(orderEvent, local: false);
    }

    private void Dispatch(OrderEvent orderEvent, bool local)
    {
        lock (_gate)
        {
            if (_latestVersion.TryGetValue(orderEvent.OrderId, out var latest) && latest >= orderEvent.Version)
            {
                return;
            }

            // A final order changes no more; forgetting it keeps this map as small as the open queue.
            if (orderEvent.IsFinal)
            {
                _latestVersion.Remove(orderEvent.OrderId);
            }
            else
            {
                _latestVersion[orderEvent.OrderId] = orderEvent.Version;
            }

            foreach (var subscription in _all)
            {
                subscription.TryWrite(orderEvent);
            }

            if (local)
            {
                foreach (var subscription in _local)
                {
                    subscription.TryWrite(orderEvent);
                }
            }

            if (_byOrder.TryGetValue(orderEvent.OrderId, out var watchers))
            {
                foreach (var subscription in watchers)
                {
                    subscription.TryWrite(orderEvent);
                }
            }
        }
    }

    public OrderSubscription Subscribe(int orderId)
    {
        var channel = Channel.CreateBounded<OrderEvent>(new BoundedChannelOptions(PerOrderCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        var subscription = new OrderSubscription(channel, Unsubscribe);
        lock (_gate)
        {
            if (!_byOrder.TryGetValue(orderId, out var watchers))
            {
                _byOrder[orderId] = watchers = [];
            }

            watchers.Add(subscription);
        }

        return subscription;

        void Unsubscribe(OrderSubscription gone)
        {
            lock (_gate)
            {
                if (_byOrder.TryGetValue(orderId, out var list) && list.Remove(gone) && list.Count == 0)
                {
                    _byOrder.Remove(orderId);
                }
            }
        }
    }

    public OrderSubscription SubscribeAll() => Unbounded(_all);

    public OrderSubscription SubscribeLocal() => Unbounded(_local);

    private OrderSubscription Unbounded(List<OrderSubscription> list)
    {
        var channel = Channel.CreateUnbounded<OrderEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var subscription = new OrderSubscription(channel, gone =>
        {
            lock (_gate)
            {
                list.Remove(gone);
            }
        });
        lock (_gate)
        {
            list.Add(subscription);
        }

        return subscription;
    }
}
