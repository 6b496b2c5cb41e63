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

public sealed class OrderLineResponse
{
    public required int MenuItemId { get; init; }

    public required string Title { get; init; }

    public required decimal UnitPrice { get; init; }

    public required int Quantity { get; init; }
}
