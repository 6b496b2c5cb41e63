namespace CoffeeShop.Web.Models.Menu;

/// <summary>The menu page: one category's drinks, optionally narrowed by a search.</summary>
public sealed class MenuIndexViewModel
{
    public required string Category { get; init; }

    public string? Search { get; init; }

    public required IReadOnlyList<MenuItemViewModel> Items { get; init; }
}
