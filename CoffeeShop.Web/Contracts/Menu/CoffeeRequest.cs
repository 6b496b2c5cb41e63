using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>
/// A drink as a client of the Sample APIs coffee API writes it (<c>/coffee/{category}</c>): the four fields it
/// shows. The id, category, price and availability are not the caller's to set on these routes.
/// </summary>
public sealed class CoffeeRequest
{
    /// <summary>The four fields: POST and PUT must carry all of them (image may be null), PATCH at least one.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "description", "ingredients", "image"];

    /// <summary>The fields that may never be null (image may: no picture).</summary>
    public static readonly IReadOnlyList<string> NotNullFields = ["title", "description", "ingredients"];

    /// <example>Honey Latte</example>
    [StringLength(MenuItemLimits.TitleMaxLength, MinimumLength = 1)]
    public string? Title { get; set; }

    /// <example>Espresso and steamed milk with a spoon of wildflower honey.</example>
    [StringLength(MenuItemLimits.DescriptionMaxLength)]
    public string? Description { get; set; }

    /// <example>["Espresso", "Steamed milk", "Honey"]</example>
    [Ingredients]
    public List<string>? Ingredients { get; set; }

    /// <summary>An absolute http(s) URL or a path on this site; null for the category's picture.</summary>
    /// <example>/images/menu/latte.svg</example>
    [ImageReference]
    public string? Image { get; set; }

    public static CoffeeRequest From(MenuItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new CoffeeRequest
        {
            Title = item.Title,
            Description = item.Description,
            Ingredients = [.. item.Ingredients],
            Image = item.Image,
        };
    }

    /// <summary>A new drink of <paramref name="category"/> at <paramref name="price"/>, available at once.</summary>
    public MenuItemDetails ToNewDetails(MenuCategory category, decimal price) =>
        new(category, Title!, Description!, Ingredients!, Image, price);

    /// <summary><paramref name="current"/> with these four fields replaced; category, price and availability kept.</summary>
    public MenuItemDetails ToReplacement(MenuItemDetails current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with { Title = Title!, Description = Description!, Ingredients = Ingredients!, Image = Image };
    }
}
