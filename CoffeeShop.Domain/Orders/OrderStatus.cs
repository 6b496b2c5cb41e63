namespace CoffeeShop.Domain.Orders;

/// <summary>Where an order is on its way from the counter to the customer; <see cref="Order.IsAllowedMove"/> lists the moves.</summary>
public enum OrderStatus
{
    Pending = 1,
    Preparing = 2,
    Ready = 3,
    Completed = 4,
    Cancelled = 5,
}
