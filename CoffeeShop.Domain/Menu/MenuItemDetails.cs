namespace CoffeeShop.Domain.Menu;

/// <summary>Everything a caller sets on a menu item: what a create or a full replace carries.</summary>
public sealed record MenuItemDetails(
    MenuCategory Category,
    string Title,
    string Description,
    IReadOnlyList<string> Ingredients,
    string? Image,
    decimal Price,
    bool IsAvailable = true);
