using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>A new menu item (POST): image and isAvailable may be left out (no picture; available).</summary>
public sealed record CreateMenuItemRequest : MenuItemRequest
{
    /// <summary>An absolute http(s) URL or a path on this site; null or left out for the category's picture.</summary>
    /// <example>/images/menu/latte.svg</example>
    [ImageReference]
    public string? Image { get; init; }

    /// <example>true</example>
    public bool IsAvailable { get; init; } = true;

    public MenuItemDetails ToDetails() => ToDetails(Image, IsAvailable);
}
