namespace CoffeeShop.Domain.Orders;

/// <summary>Makes the public tracking code of a new order; an interface so tests can pin the code.</summary>
public interface IOrderCodeGenerator
{
    /// <summary>A new URL-safe code carrying at least 128 bits of randomness.</summary>
    string NewCode();
}
