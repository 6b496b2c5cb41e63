namespace CoffeeShop.Web.Models.Menu;

/// <summary>The menu page: the whole menu or one category's drinks, optionally narrowed by a search.</summary>
public sealed class MenuIndexViewModel
{
    /// <summary>The tab that shows the whole menu, hot and iced.</summary>
    public const string AllCategories = "all";

    public required string Category { get; init; }

    public string? Search { get; init; }

    public required IReadOnlyList<MenuItemViewModel> Items { get; init; }
}
