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

    /// <example>3.90</example>
    public required decimal Price { get; init; }

    public required bool IsAvailable { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
