using CoffeeShop.Web.Contracts.Options;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>A menu item in the versioned API. Its version travels in the ETag header.</summary>
public sealed class MenuItemResponse
{
    /// <example>2</example>
    public required int Id { get; init; }

    /// <summary>"hot" or "iced".</summary>
    /// <example>hot</example>
    public required string Category { get; init; }

    /// <example>Latte</example>
    public required string Title { get; init; }

    /// <example>A shot of espresso under a tall pour of steamed milk.</example>
    public required string Description { get; init; }

    public required IReadOnlyList<string> Ingredients { get; init; }

    /// <example>/images/menu/latte.svg</example>
    public string? Image { get; init; }

    /// <summary>The default size's price.</summary>
    /// <example>3.90</example>
    public required decimal Price { get; init; }

    /// <summary>The sizes the drink is sold in (1–5), exactly one of them the default.</summary>
    public required IReadOnlyList<MenuItemSizeResponse> Sizes { get; init; }

    /// <summary>The option groups the drink offers, in the item's order (filled in from the option catalog).</summary>
    public IReadOnlyList<OptionGroupResponse> OptionGroups { get; set; } = [];

    public required bool IsAvailable { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
