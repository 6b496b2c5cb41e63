namespace CoffeeShop.Domain.Orders.Events;

/// <summary>Told by <see cref="OrderingService"/> about every saved change to an order (after the save returns).</summary>
public interface IOrderEventPublisher
{
    void Publish(OrderChanged change);
}
