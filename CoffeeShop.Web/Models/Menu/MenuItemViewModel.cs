using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Web.Models.Menu;

/// <summary>A drink as the menu pages show it.</summary>
public sealed class MenuItemViewModel
{
    public int Id { get; init; }

    public string Category { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public IReadOnlyList<string> Ingredients { get; init; } = [];

    public string? Image { get; init; }

    public decimal Price { get; init; }

    public bool IsAvailable { get; init; }

    /// <summary>The sizes, each with its price; one "Regular" size for a drink that comes one way.</summary>
    public IReadOnlyList<MenuItemSize> Sizes { get; init; } = [];

    /// <summary>The option groups the drink offers (filled by the item's own page only; the menu list leaves it empty).</summary>
    public IReadOnlyList<OptionGroup> OptionGroups { get; set; } = [];
}
