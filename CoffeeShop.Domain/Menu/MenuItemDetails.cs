namespace CoffeeShop.Domain.Menu;

/// <summary>
/// Everything a caller sets on a menu item: what a create or a full replace carries. Null <paramref name="Sizes"/>
/// keeps the item's sizes (one regular size for a new item) with the default at <paramref name="Price"/>; null
/// <paramref name="OptionGroupCodes"/> keeps the item's groups (none for a new item).
/// </summary>
public sealed record MenuItemDetails(
    MenuCategory Category,
    string Title,
    string Description,
    IReadOnlyList<string> Ingredients,
    string? Image,
    decimal Price,
    bool IsAvailable = true,
    IReadOnlyList<MenuItemSize>? Sizes = null,
    IReadOnlyList<string>? OptionGroupCodes = null);
