namespace CoffeeShop.Domain.Orders;

/// <summary>What a customer asks for; <paramref name="CustomerId"/> comes from the signed-in user, never from the body.</summary>
public sealed record OrderRequest(string CustomerName, string? Notes, string? CustomerId, IReadOnlyList<OrderLineRequest> Lines);

/// <summary>
/// One requested line: which menu item, how many, and how it is made. A null <paramref name="Size"/> is the item's
/// default size; a group the options leave out gets its defaults when it needs a choice.
/// </summary>
public sealed record OrderLineRequest(int MenuItemId, int Quantity, string? Size = null, IReadOnlyList<OptionRequest>? Options = null);

/// <summary>One option named on a requested line, and how many of it (an extra shot twice).</summary>
public sealed record OptionRequest(string Code, int Quantity = 1);
