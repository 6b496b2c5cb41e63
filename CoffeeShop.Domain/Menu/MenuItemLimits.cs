using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Menu;

/// <summary>The limits of a menu item, shared by the entity and the request models at the edge.</summary>
public static class MenuItemLimits
{
    public const int TitleMaxLength = 80;
    public const int DescriptionMaxLength = 1000;
    public const int IngredientsMin = 1;
    public const int IngredientsMax = 20;
    public const int IngredientMaxLength = 60;
    public const int ImageMaxLength = 2048;
    public const decimal MinPrice = 0.01m;
    public const decimal MaxPrice = 100.00m;
    public const int SizesMin = 1;
    public const int SizesMax = 5;
    public const int SizeNameMaxLength = 40;

    /// <summary>The range as the messages print it, whatever the culture.</summary>
    public static string PriceRange { get; } =
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"between {MinPrice} and {MaxPrice} with at most two decimals");

    /// <summary>The one price rule (a menu item's price and an order line's snapshot of it): <see cref="MinPrice"/>–<see cref="MaxPrice"/>, whole cents.</summary>
    public static bool IsValidPrice(decimal price) => price >= MinPrice && price <= MaxPrice && decimal.Round(price, 2) == price;

    internal static decimal ValidPrice(decimal price, FieldKey key) =>
        IsValidPrice(price) ? price : throw new DomainValidationException(key, $"{key.Label} must be {PriceRange}.");
}
