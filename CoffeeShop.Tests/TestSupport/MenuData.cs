using CoffeeShop.Domain.Menu;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>Arranging and checking menu data through <see cref="MenuService"/>: the factory's menu helpers, apart from its hosting.</summary>
public static class MenuData
{
    /// <summary>Adds a drink with <paramref name="title"/> (unique per test), so each test works on an item of its own.</summary>
    public static Task<MenuItem> AddMenuItemAsync(
        this CoffeeShopWebFactory factory, string title, MenuCategory category = MenuCategory.Hot, decimal price = 3.80m)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle(title).WithCategory(category).WithPrice(price)
            .WithIngredients("Espresso", "Milk").WithImage(null).BuildDetails());
    }

    /// <summary>The item as the database holds it now, or null.</summary>
    public static Task<MenuItem?> FindMenuItemAsync(this CoffeeShopWebFactory factory, int id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithScopeAsync(services => services.GetRequiredService<MenuService>().FindAsync(id, CancellationToken.None));
    }
}
