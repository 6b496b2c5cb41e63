namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>One size a drink is sold in, at its own price; exactly one is the default (the item's price).</summary>
public sealed class MenuItemSizeResponse
{
    /// <example>large</example>
    public required string Code { get; init; }

    /// <example>Large</example>
    public required string Name { get; init; }

    /// <example>4.40</example>
    public required decimal Price { get; init; }

    /// <example>false</example>
    public required bool IsDefault { get; init; }
}
