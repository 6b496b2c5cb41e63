using System.Globalization;
using System.Reflection;
using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// Valid menu items with only what a test cares about spelt out:
/// <c>new MenuItemBuilder().WithTitle("Latte").WithPrice(3.90m).Build()</c>.
/// Each builder starts with a title no other builder uses, so tests that write to a shared database do not collide.
/// </summary>
public sealed class MenuItemBuilder
{
    private static int _counter;

    private MenuCategory _category = MenuCategory.Hot;
    private string _title = "Test drink " + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
    private string _description = "A drink made for a test.";
    private IReadOnlyList<string> _ingredients = ["Espresso", "Steamed milk"];
    private string? _image = "/images/menu/hot.svg";
    private decimal _price = 3.50m;
    private bool _isAvailable = true;
    private int? _id;
    private DateTimeOffset _now = TestClock.DefaultStart;

    public MenuItemBuilder WithCategory(MenuCategory category)
    {
        _category = category;
        return this;
    }

    public MenuItemBuilder Iced() => WithCategory(MenuCategory.Iced);

    public MenuItemBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    public MenuItemBuilder WithDescription(string description)
    {
        _description = description;
        return this;
    }

    public MenuItemBuilder WithIngredients(params string[] ingredients)
    {
        _ingredients = ingredients;
        return this;
    }

    public MenuItemBuilder WithIngredients(IReadOnlyList<string> ingredients)
    {
        _ingredients = ingredients;
        return this;
    }

    public MenuItemBuilder WithImage(string? image)
    {
        _image = image;
        return this;
    }

    public MenuItemBuilder WithPrice(decimal price)
    {
        _price = price;
        return this;
    }

    public MenuItemBuilder Unavailable()
    {
        _isAvailable = false;
        return this;
    }

    /// <summary>Gives the built entity an id, as the database would; for tests that never save it.</summary>
    public MenuItemBuilder WithId(int id)
    {
        _id = id;
        return this;
    }

    public MenuItemBuilder CreatedAt(DateTimeOffset now)
    {
        _now = now;
        return this;
    }

    public MenuItemDetails BuildDetails() =>
        new(_category, _title, _description, _ingredients, _image, _price, _isAvailable);

    public MenuItem Build()
    {
        var item = new MenuItem(BuildDetails(), _now);
        if (_id is { } id)
        {
            // The id is the database's to give; set it the way EF Core does when it materialises a row.
            typeof(MenuItem).GetProperty(nameof(MenuItem.Id), BindingFlags.Public | BindingFlags.Instance)!.SetValue(item, id);
        }

        return item;
    }
}
