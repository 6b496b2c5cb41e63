namespace CoffeeShop.Domain.Menu.Options;

/// <summary>One choice in an option group (oat milk, an extra shot) and what it adds to a line's unit price.</summary>
public sealed record MenuOption(string Code, string Name, decimal PriceDelta, bool IsDefault = false, bool IsAvailable = true);
