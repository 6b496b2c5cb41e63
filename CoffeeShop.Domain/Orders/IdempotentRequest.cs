namespace CoffeeShop.Domain.Orders;

/// <summary>
/// An order request sent with an idempotency key: within <paramref name="Scope"/> (the caller), the same
/// key with the same body returns the first order; the same key with another body is refused.
/// </summary>
public sealed record IdempotentRequest(string Scope, string Key, string RequestHash);

/// <summary>An order, and whether it was placed by this request or by an earlier one with the same key.</summary>
public sealed record PlacedOrder(Order Order, bool Replayed);
