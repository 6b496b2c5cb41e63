using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Domain.Orders;

/// <summary>
/// One drink on an order, as it was made and priced when the order was placed: the item's title, the size's name, each
/// option's name and price, and the unit price they add up to. The menu may change or lose any of them later without
/// changing what the customer ordered or owes.
/// </summary>
public sealed class OrderLine
{
    private List<OrderLineOption> _options = [];

    /// <summary>A line of the item's one regular size with no options, at <paramref name="unitPrice"/>.</summary>
    public OrderLine(int menuItemId, string title, decimal unitPrice, int quantity)
        : this(menuItemId, title, MenuItemSize.Regular(unitPrice), [], quantity)
    {
    }

    /// <summary>A line of <paramref name="size"/> with <paramref name="options"/>; the unit price is their sum.</summary>
    public OrderLine(int menuItemId, string title, MenuItemSize size, IReadOnlyList<OrderLineOption> options, int quantity)
        : this()
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(options);
        if (menuItemId <= 0)
        {
            throw new DomainValidationException(FieldKey.Of(nameof(MenuItemId)), "menuItemId must be a positive menu item id.");
        }

        MenuItemId = menuItemId;
        Title = Guard.Text(title, FieldKey.Of(nameof(Title)), 1, MenuItemLimits.TitleMaxLength);
        SizeCode = Slug.Valid(size.Code, FieldKey.Of("Size"));
        SizeName = Guard.Text(size.Name, FieldKey.Of(nameof(SizeName)), 1, MenuItemLimits.SizeNameMaxLength);
        _options = ValidOptions(options);
        UnitPrice = MenuItemLimits.ValidPrice(size.Price, FieldKey.Of("Size")) + _options.Sum(o => o.Total);
        Quantity = Guard.Range(quantity, FieldKey.Of(nameof(Quantity)), OrderLimits.QuantityMin, OrderLimits.QuantityMax);
    }

    // For EF Core materialisation.
    private OrderLine()
    {
        Title = string.Empty;
        SizeCode = MenuItemSize.RegularCode;
        SizeName = MenuItemSize.RegularName;
    }

    /// <summary>
    /// 1-based place on the order, set by the order. Lines are keyed and read back by it, so they keep the
    /// customer's order on every provider (SQL Server's batched inserts do not promise identity order).
    /// </summary>
    public int Position { get; private set; }

    /// <summary>The menu item ordered; deliberately not a foreign key, since the item may be deleted later.</summary>
    public int MenuItemId { get; private set; }

    public string Title { get; private set; }

    public string SizeCode { get; private set; }

    public string SizeName { get; private set; }

    /// <summary>The options taken, grouped as the item lists its groups; empty for a plain drink.</summary>
    public IReadOnlyList<OrderLineOption> Options => _options;

    /// <summary>The size's price plus every option's price times its quantity, as they were at order time.</summary>
    public decimal UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public decimal Subtotal => UnitPrice * Quantity;

    /// <summary>The size's price at order time, recovered from the snapshot.</summary>
    public decimal SizePrice => UnitPrice - _options.Sum(o => o.Total);

    /// <summary>Whether <paramref name="other"/> is the same drink made the same way (it differs at most in quantity).</summary>
    public bool IsSameDrinkAs(OrderLine other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return MenuItemId == other.MenuItemId && SizeCode == other.SizeCode && _options.SequenceEqual(other._options);
    }

    /// <summary>A copy placed at <paramref name="position"/>, so a line handed to one order cannot be renumbered by another.</summary>
    internal OrderLine AtPosition(int position) => new()
    {
        MenuItemId = MenuItemId,
        Title = Title,
        SizeCode = SizeCode,
        SizeName = SizeName,
        _options = _options,
        UnitPrice = UnitPrice,
        Quantity = Quantity,
        Position = position,
    };

    private static List<OrderLineOption> ValidOptions(IReadOnlyList<OrderLineOption> options)
    {
        var key = FieldKey.Of(nameof(Options));
        if (options.Count > OptionGroupLimits.OptionsPerLineMax)
        {
            throw new DomainValidationException(key, $"options may list at most {OptionGroupLimits.OptionsPerLineMax} options.");
        }

        return
        [
            .. options.Select((o, i) => o is null
                ? throw new DomainValidationException(key.At(i), $"{key.At(i).Label} is required.")
                : new OrderLineOption(
                    Slug.Valid(o.Code, key.At(i).Then(nameof(OrderLineOption.Code))),
                    Guard.Text(o.Name, key.At(i).Then(nameof(OrderLineOption.Name)), 1, OptionGroupLimits.NameMaxLength),
                    Guard.Range(o.Quantity, key.At(i).Then(nameof(OrderLineOption.Quantity)), 1, OptionGroupLimits.MaxQuantityMax),
                    OptionGroupLimits.ValidPriceDelta(o.PriceDelta, key.At(i).Then(nameof(OrderLineOption.PriceDelta))))),
        ];
    }
}
