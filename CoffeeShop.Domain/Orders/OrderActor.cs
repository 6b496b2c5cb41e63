namespace CoffeeShop.Domain.Orders;

/// <summary>Who asks for a status move: the rules differ (only staff may cancel an order being prepared).</summary>
public enum OrderActor
{
    Customer = 1,

    /// <summary>A barista or an admin.</summary>
    Staff = 2,
}
