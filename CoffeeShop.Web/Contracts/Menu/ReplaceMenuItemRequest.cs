using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>
/// A full replace (PUT, and what a merge patch or JSON Patch makes of the item): every field must be sent, so one
/// left out is a 400 naming it, never a silent null; image may be null (no picture), but must be there.
/// </summary>
public sealed record ReplaceMenuItemRequest : MenuItemRequest
{
    /// <summary>An absolute http(s) URL or a path on this site; null for the category's picture.</summary>
    /// <example>/images/menu/latte.svg</example>
    [ImageReference]
    public required string? Image { get; init; }

    /// <example>true</example>
    public required bool IsAvailable { get; init; }

    /// <summary>The item as it is, as a full replace would write it: where a patch starts.</summary>
    public static ReplaceMenuItemRequest From(MenuItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ReplaceMenuItemRequest
        {
            Category = item.Category.ToSlug(),
            Title = item.Title,
            Description = item.Description,
            Ingredients = [.. item.Ingredients],
            Image = item.Image,
            Price = item.Price,
            IsAvailable = item.IsAvailable,
            Sizes = [.. item.Sizes.Select(MenuItemSizeRequest.From)],
            OptionGroupCodes = [.. item.OptionGroupCodes],
        };
    }

    /// <summary>
    /// This request, which a patch made from <paramref name="item"/>, as the change the patch meant. A patch starts from
    /// the item's sizes and price, which agree; whichever of the two it left as it was follows the one it changed:
    /// unchanged sizes are kept (their default moves to the new price), and an unchanged price becomes the new default
    /// size's. When it changed both, the domain checks that they agree.
    /// </summary>
    public ReplaceMenuItemRequest AsChangeOf(MenuItem item)
    {
        var original = From(item);
        var sizesChanged = Sizes is not null && !Sizes.SequenceEqual(original.Sizes!);
        return this with
        {
            Sizes = sizesChanged ? Sizes : null,
            Price = sizesChanged && Price == original.Price ? null : Price,
        };
    }

    public MenuItemDetails ToDetails() => ToDetails(Image, IsAvailable);
}
