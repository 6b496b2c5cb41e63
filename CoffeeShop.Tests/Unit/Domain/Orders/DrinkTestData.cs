using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Tests.Unit.Domain.Orders;

/// <summary>A small menu with sizes and option groups, as the seed has them, for the selection and pricing rules.</summary>
internal static class DrinkTestData
{
    public static OptionGroup Milk() => new("milk", new OptionGroupDetails("Milk", 1, 1, 1,
    [
        new("whole-milk", "Whole milk", 0.00m, IsDefault: true),
        new("oat-milk", "Oat milk", 0.50m),
        new("soy-milk", "Soy milk", 0.40m, IsAvailable: false),
    ]), OrderTestData.PlacedAt);

    public static OptionGroup Shots() => new("extra-shots", new OptionGroupDetails("Extra shots", 0, 1, 3,
    [
        new("extra-shot", "Extra shot", 0.70m),
    ]), OrderTestData.PlacedAt);

    public static OptionGroup Syrups() => new("syrups", new OptionGroupDetails("Syrups", 0, 2, 2,
    [
        new("vanilla-syrup", "Vanilla syrup", 0.50m),
        new("caramel-syrup", "Caramel syrup", 0.50m),
        new("hazelnut-syrup", "Hazelnut syrup", 0.45m),
    ]), OrderTestData.PlacedAt);

    /// <summary>Milk, shots and syrups, plus a group no test item offers.</summary>
    public static OptionCatalog Catalog() => new([Milk(), Shots(), Syrups(), Toppings()]);

    public static OptionGroup Toppings() => new("toppings", new OptionGroupDetails("Toppings", 0, 1, 1,
    [
        new("whipped-cream", "Whipped cream", 0.40m),
    ]), OrderTestData.PlacedAt);

    /// <summary>Latte: small 3.40, medium 3.90 (default), large 4.40; milk, shots and syrups.</summary>
    public static MenuItem Latte(int id = 2) => Item(
        id,
        "Latte",
        [new("small", "Small", 3.40m), new("medium", "Medium", 3.90m, IsDefault: true), new("large", "Large", 4.40m)],
        ["milk", "extra-shots", "syrups"]);

    /// <summary>Black coffee: small 2.10, medium 2.50 (default), large 3.00; syrups only.</summary>
    public static MenuItem Black(int id = 1) => Item(
        id,
        "Black",
        [new("small", "Small", 2.10m), new("medium", "Medium", 2.50m, IsDefault: true), new("large", "Large", 3.00m)],
        ["syrups"]);

    public static MenuItem Item(int id, string title, IReadOnlyList<MenuItemSize> sizes, IReadOnlyList<string> groups)
    {
        var item = new MenuItem(
            new MenuItemDetails(
                MenuCategory.Hot, title, "A test drink.", ["Espresso"], null, sizes.Single(s => s.IsDefault).Price,
                Sizes: sizes, OptionGroupCodes: groups),
            OrderTestData.PlacedAt);
        typeof(MenuItem).GetProperty(nameof(MenuItem.Id))!.SetValue(item, id);
        return item;
    }

    public static OrderLineRequest LineRequest(int menuItemId, int quantity = 1, string? size = null, params (string Code, int Quantity)[] options) =>
        new(menuItemId, quantity, size, [.. options.Select(o => new OptionRequest(o.Code, o.Quantity))]);
}
