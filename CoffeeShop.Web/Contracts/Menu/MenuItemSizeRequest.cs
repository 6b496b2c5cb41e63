using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>One size a drink is sold in, at its own price; isDefault may be left out (not the default).</summary>
public sealed record MenuItemSizeRequest
{
    /// <summary>A lowercase slug, unique among the item's sizes.</summary>
    /// <example>large</example>
    [Slug]
    public required string Code { get; init; }

    /// <example>Large</example>
    [StringLength(MenuItemLimits.SizeNameMaxLength, MinimumLength = 1)]
    public required string Name { get; init; }

    /// <example>4.40</example>
    [MenuPrice]
    public required decimal Price { get; init; }

    /// <summary>Exactly one size of an item is the default: its price is the item's price.</summary>
    /// <example>false</example>
    public bool IsDefault { get; init; }

    public static MenuItemSizeRequest From(MenuItemSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        return new MenuItemSizeRequest { Code = size.Code, Name = size.Name, Price = size.Price, IsDefault = size.IsDefault };
    }

    public MenuItemSize ToSize() => new(Code, Name, Price, IsDefault);
}
