namespace CoffeeShop.Domain.Orders;

/// <summary>An option as a line took it: its name and price when the order was placed, and how many.</summary>
public sealed record OrderLineOption(string Code, string Name, int Quantity, decimal PriceDelta)
{
    public decimal Total => PriceDelta * Quantity;
}
