using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>
/// A drink as a client of the Sample APIs coffee API writes it (<c>/coffee/{category}</c>): the four fields it
/// shows. POST and PUT must carry all four (image may be null); a PATCH is merged into the drink and read as one.
/// The id, category, price and availability are not the caller's to set on these routes.
/// </summary>
public sealed record CoffeeRequest : IRequestRecord
{
    /// <summary>The four fields: a PATCH must change at least one of them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "description", "ingredients", "image"];

    /// <example>Honey Latte</example>
    [StringLength(MenuItemLimits.TitleMaxLength, MinimumLength = 1)]
    public required string Title { get; init; }

    /// <example>Espresso and steamed milk with a spoon of wildflower honey.</example>
    [Required(AllowEmptyStrings = true)]
    [StringLength(MenuItemLimits.DescriptionMaxLength)]
    public required string Description { get; init; }

    /// <example>["Espresso", "Steamed milk", "Honey"]</example>
    [Ingredients]
    public required List<string> Ingredients { get; init; }

    /// <summary>An absolute http(s) URL or a path on this site; null for the category's picture.</summary>
    /// <example>/images/menu/latte.svg</example>
    [ImageReference]
    public required string? Image { get; init; }

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
        new(category, Title, Description, Ingredients, Image, price);

    /// <summary><paramref name="current"/> with these four fields replaced; category, price and availability kept.</summary>
    public MenuItemDetails ToReplacement(MenuItemDetails current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with { Title = Title, Description = Description, Ingredients = Ingredients, Image = Image };
    }
}
