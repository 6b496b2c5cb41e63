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
}
