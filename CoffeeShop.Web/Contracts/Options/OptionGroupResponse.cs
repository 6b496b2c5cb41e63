namespace CoffeeShop.Web.Contracts.Options;

/// <summary>
/// A shared option group (milk, extra shots, syrups): how many of its options a line takes (minSelected–maxSelected)
/// and how many of one option (maxQuantity). Alone at <c>/api/v1/option-groups/{code}</c> its version travels in the
/// ETag header; a menu item shows the groups it offers in the same shape.
/// </summary>
public sealed class OptionGroupResponse
{
    /// <example>milk</example>
    public required string Code { get; init; }

    /// <example>Milk</example>
    public required string Name { get; init; }

    /// <example>1</example>
    public required int MinSelected { get; init; }

    /// <example>1</example>
    public required int MaxSelected { get; init; }

    /// <summary>How many of one option a line may take; 1 when an option may not repeat.</summary>
    /// <example>1</example>
    public required int MaxQuantity { get; init; }

    public required IReadOnlyList<MenuOptionResponse> Options { get; init; }
}

/// <summary>One choice in a group and what it adds to a line's unit price.</summary>
public sealed class MenuOptionResponse
{
    /// <example>oat-milk</example>
    public required string Code { get; init; }

    /// <example>Oat milk</example>
    public required string Name { get; init; }

    /// <example>0.50</example>
    public required decimal PriceDelta { get; init; }

    /// <summary>Taken when a line leaves a group with a minimum out.</summary>
    /// <example>false</example>
    public required bool IsDefault { get; init; }

    /// <example>true</example>
    public required bool IsAvailable { get; init; }
}
