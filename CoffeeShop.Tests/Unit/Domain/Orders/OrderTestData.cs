using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Tests.Unit.Domain.Orders;

/// <summary>Builders for orders and menu items, so each test spells out only what it is about.</summary>
internal static class OrderTestData
{
    public static readonly DateTimeOffset PlacedAt = new(2026, 11, 26, 8, 30, 0, TimeSpan.Zero);

    public const string Code = "AAAAAAAAAAAAAAAAAAAAAA";

    public static OrderLine Line(int menuItemId = 1, int quantity = 1, decimal unitPrice = 3.50m, string title = "Latte") =>
        new(menuItemId, title, unitPrice, quantity);

    /// <summary><paramref name="count"/> lines for distinct menu items 1..count.</summary>
    public static List<OrderLine> Lines(int count) =>
        Enumerable.Range(1, count).Select(id => Line(menuItemId: id)).ToList();

    public static Order Order(
        IReadOnlyList<OrderLine>? lines = null,
        string customerName = "Ann",
        string? notes = null,
        string? customerId = null) =>
        new(Code, customerName, notes, customerId, lines ?? [Line()], PlacedAt);

    /// <summary>An order taken to <paramref name="status"/> along the allowed path, by staff.</summary>
    public static Order OrderIn(OrderStatus status, string? customerId = null)
    {
        var order = Order(customerId: customerId);
        OrderStatus[] path = status switch
        {
            OrderStatus.Pending => [],
            OrderStatus.Preparing => [OrderStatus.Preparing],
            OrderStatus.Ready => [OrderStatus.Preparing, OrderStatus.Ready],
            OrderStatus.Completed => [OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed],
            OrderStatus.Cancelled => [OrderStatus.Cancelled],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var next in path)
        {
            order.MoveTo(next, OrderActor.Staff, PlacedAt);
        }

        return order;
    }

    /// <summary>A menu item with a given id; the id is the database's to set, so a test sets it by reflection.</summary>
    public static MenuItem MenuItem(int id, string title = "Latte", decimal price = 3.50m, bool isAvailable = true)
    {
        var item = new MenuItem(
            new MenuItemDetails(MenuCategory.Hot, title, "A test drink.", ["Espresso"], null, price, isAvailable),
            PlacedAt);
        typeof(MenuItem).GetProperty(nameof(CoffeeShop.Domain.Menu.MenuItem.Id))!.SetValue(item, id);
        return item;
    }
}
