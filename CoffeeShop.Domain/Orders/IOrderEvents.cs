namespace CoffeeShop.Domain.Orders;

/// <summary>
/// Where the ordering service announces a change once it is durable (the save has returned): never for an order
/// that is not on disk. Implementations must not block or throw: the change is already committed, so a listener's
/// trouble must not turn the caller's success into an error.
/// </summary>
public interface IOrderEvents
{
    void Publish(OrderChange change);
}

/// <summary>What happened to an order.</summary>
public enum OrderChangeKind
{
    Placed = 1,

    /// <summary>A staff move along the status machine (Preparing, Ready, Completed).</summary>
    StatusChanged = 2,

    Cancelled = 3,
}

/// <summary>
/// A committed change: the order as saved, with the <see cref="Order.Version"/> it was saved at (each change adds
/// one, so listeners can order changes and drop one they already have). The order must not be changed afterwards.
/// </summary>
public sealed record OrderChange(OrderChangeKind Kind, Order Order)
{
    public static OrderChange For(Order order) => new(
        order.Status switch
        {
            OrderStatus.Pending => OrderChangeKind.Placed,
            OrderStatus.Cancelled => OrderChangeKind.Cancelled,
            _ => OrderChangeKind.StatusChanged,
        },
        order);
}

/// <summary>The publisher for hosts with no listeners (the data layer's tools, unit tests).</summary>
public sealed class NoOrderEvents : IOrderEvents
{
    public static NoOrderEvents Instance { get; } = new();

    public void Publish(OrderChange change)
    {
    }
}
