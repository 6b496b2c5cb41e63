namespace CoffeeShop.Web.Contracts.Orders;

/// <summary>An order as the API shows it. Lines keep the title and price they had when ordered.</summary>
public sealed class OrderResponse
{
    public required int Id { get; init; }

    /// <summary>The public tracking code: the order's page is /orders/{code}.</summary>
    public required string Code { get; init; }

    public required string CustomerName { get; init; }

    public required string Notes { get; init; }

    /// <summary>Pending, Preparing, Ready, Completed or Cancelled.</summary>
    /// <example>Pending</example>
    public required string Status { get; init; }

    public required IReadOnlyList<OrderLineResponse> Lines { get; init; }

    /// <example>7.80</example>
    public required decimal Total { get; init; }

    /// <summary>ISO 4217 code of the prices (configuration: Shop:Currency).</summary>
    /// <example>USD</example>
    public string Currency { get; set; } = string.Empty;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One drink as it was made and priced when ordered.</summary>
public sealed class OrderLineResponse
{
    /// <example>2</example>
    public required int MenuItemId { get; init; }

    /// <example>Latte</example>
    public required string Title { get; init; }

    public required OrderLineSizeResponse Size { get; init; }

    /// <summary>The options taken, grouped as the item lists its groups.</summary>
    public required IReadOnlyList<OrderLineOptionResponse> Options { get; init; }

    /// <summary>The size's price plus each option's priceDelta × quantity.</summary>
    /// <example>6.80</example>
    public required decimal UnitPrice { get; init; }

    /// <example>1</example>
    public required int Quantity { get; init; }

    /// <summary>unitPrice × quantity.</summary>
    /// <example>6.80</example>
    public required decimal LineTotal { get; init; }
}

/// <summary>The size a line was made in.</summary>
public sealed class OrderLineSizeResponse
{
    /// <example>large</example>
    public required string Code { get; init; }

    /// <example>Large</example>
    public required string Name { get; init; }
}

/// <summary>An option as the line took it: its name and price at order time, and how many.</summary>
public sealed class OrderLineOptionResponse
{
    /// <example>extra-shot</example>
    public required string Code { get; init; }

    /// <example>Extra shot</example>
    public required string Name { get; init; }

    /// <example>2</example>
    public required int Quantity { get; init; }

    /// <example>0.70</example>
    public required decimal PriceDelta { get; init; }
}
