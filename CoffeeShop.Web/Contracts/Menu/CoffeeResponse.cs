namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>A drink as the Sample APIs coffee API shows it: these five fields, in this order.</summary>
public sealed class CoffeeResponse
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<string> Ingredients { get; init; }

    public string? Image { get; init; }

    public required int Id { get; init; }
}
