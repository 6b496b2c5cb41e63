using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Domain.Orders;

/// <summary>
/// One drink on an order, with the title and price it had when the order was placed: the menu may change
/// or lose the item later without changing what the customer ordered or owes.
/// </summary>
public sealed class OrderLine
{
    public OrderLine(int menuItemId, string title, decimal unitPrice, int quantity)
        : this()
    {
        if (menuItemId <= 0)
        {
            throw new DomainValidationException(FieldKey.Of(nameof(MenuItemId)), "menuItemId must be a positive menu item id.");
        }

        MenuItemId = menuItemId;
        Title = Guard.Text(title, FieldKey.Of(nameof(Title)), 1, MenuItemLimits.TitleMaxLength);
        UnitPrice = ValidUnitPrice(unitPrice);
        Quantity = Guard.Range(quantity, FieldKey.Of(nameof(Quantity)), OrderLimits.QuantityMin, OrderLimits.QuantityMax);
    }

    // For EF Core materialisation.
    private OrderLine()
    {
        Title = string.Empty;
    }

    /// <summary>
    /// 1-based place on the order, set by the order. Lines are keyed and read back by it, so they keep the
    /// customer's order on every provider (SQL Server's batched inserts do not promise identity order).
    /// </summary>
    public int Position { get; private set; }

    /// <summary>The menu item ordered; deliberately not a foreign key, since the item may be deleted later.</summary>
    public int MenuItemId { get; private set; }

    public string Title { get; private set; }

    public decimal UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public decimal Subtotal => UnitPrice * Quantity;

    /// <summary>A copy placed at <paramref name="position"/>, so a line handed to one order cannot be renumbered by another.</summary>
    internal OrderLine AtPosition(int position) => new(MenuItemId, Title, UnitPrice, Quantity) { Position = position };

    // The snapshot of a menu price, so the menu's own price rule applies.
    private static decimal ValidUnitPrice(decimal unitPrice) => MenuItemLimits.ValidPrice(unitPrice, FieldKey.Of(nameof(UnitPrice)));
}
