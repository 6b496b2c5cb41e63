using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Web.Models.Orders;

/// <summary>An order as the confirmation page, the history and the barista queue show it.</summary>
public sealed class OrderViewModel
{
    public int Id { get; init; }

    public string Code { get; init; } = string.Empty;

    public string CustomerName { get; init; } = string.Empty;

    public string Notes { get; init; } = string.Empty;

    public string Status { get; init; } = string.Empty;

    public IReadOnlyList<OrderLineViewModel> Lines { get; init; } = [];

    public decimal Total { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether the customer may still cancel (only while Pending).</summary>
    public bool CanCancel { get; init; }

    /// <summary>The statuses staff may move the order to next, in the order the buttons show.</summary>
    public IReadOnlyList<string> NextMoves { get; init; } = [];

    public static IReadOnlyList<string> StaffMovesFrom(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return [.. Enum.GetValues<OrderStatus>().Where(s => order.CanMoveTo(s, OrderActor.Staff)).Select(s => s.ToString())];
    }
}

public sealed class OrderLineViewModel
{
    public int MenuItemId { get; init; }

    public string Title { get; init; } = string.Empty;

    public decimal UnitPrice { get; init; }

    public int Quantity { get; init; }

    public decimal Subtotal { get; init; }

    public string SizeCode { get; init; } = string.Empty;

    public string SizeName { get; init; } = string.Empty;

    public IReadOnlyList<OrderLineOptionViewModel> Options { get; init; } = [];

    /// <summary>How the drink is made, as every page shows it under its title: "Large · Oat milk, 2 × Extra shot".</summary>
    public string Details => Describe(SizeName, Options.Select(o => (o.Name, o.Quantity)));

    /// <summary>The one wording of a line's size and options (wwwroot/js/barista-queue.js writes the same).</summary>
    public static string Describe(string sizeName, IEnumerable<(string Name, int Quantity)> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var taken = string.Join(", ", options.Select(o => o.Quantity > 1 ? $"{o.Quantity} × {o.Name}" : o.Name));
        return taken.Length == 0 ? sizeName : $"{sizeName} · {taken}";
    }
}

public sealed class OrderLineOptionViewModel
{
    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public int Quantity { get; init; }

    public decimal PriceDelta { get; init; }
}
