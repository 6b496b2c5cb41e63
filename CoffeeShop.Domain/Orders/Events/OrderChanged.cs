namespace CoffeeShop.Domain.Orders.Events;

/// <summary>
/// An order was placed or moved, and the change is saved. Carries only what a watcher needs to decide whether
/// to read the order again; the order itself comes from the repository, so no tracked entity crosses threads.
/// </summary>
public sealed record OrderChanged(int OrderId, OrderStatus Status, int Version)
{
    /// <summary>Completed and Cancelled are where an order stops: nothing moves it on, so a watch can end.</summary>
    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;

    public static OrderChanged Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderChanged(order.Id, order.Status, order.Version);
    }
}
