namespace CoffeeShop.Web.Models.Admin;

/// <summary>A menu item as the admin list and the delete confirmation show it, with the version its buttons send back.</summary>
public sealed class AdminMenuItemViewModel
{
    public int Id { get; init; }

    public string Title { get; init; } = string.Empty;

    /// <summary>"hot" or "iced".</summary>
    public string Category { get; init; } = string.Empty;

    public decimal Price { get; init; }

    public bool IsAvailable { get; init; }

    public int Version { get; init; }
}
