using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Tests.Unit.Domain.Menu;

/// <summary>Menu items for the write tests, with the id and version the database would have given them.</summary>
internal static class MenuWriteTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static MenuItemDetails Details(string title = "Latte", decimal price = 3.90m) =>
        new(MenuCategory.Hot, title, "A test drink.", ["Espresso", "Steamed milk"], "/images/menu/latte.svg", price);

    public static MenuItem Item(int id = 7, string title = "Latte", int version = 1, decimal price = 3.90m)
    {
        var item = new MenuItem(Details(title, price), Now);
        typeof(MenuItem).GetProperty(nameof(MenuItem.Id))!.SetValue(item, id);
        typeof(MenuItem).GetProperty(nameof(MenuItem.Version))!.SetValue(item, version);
        return item;
    }
}
