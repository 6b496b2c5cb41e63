namespace CoffeeShop.Domain.Orders;

/// <summary>What a customer asks for; <paramref name="CustomerId"/> comes from the signed-in user, never from the body.</summary>
public sealed record OrderRequest(string CustomerName, string? Notes, string? CustomerId, IReadOnlyList<OrderLineRequest> Lines);

/// <summary>One requested line: which menu item and how many.</summary>
public sealed record OrderLineRequest(int MenuItemId, int Quantity);
