using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Web.Validation;

/// <summary>
/// A menu price, by the domain's rule (<see cref="MenuItemLimits.IsValidPrice"/>). Takes a decimal (the APIs) or text read in the invariant
/// culture, "4.20", whatever the server's culture (the admin form). Null or blank passes: [Required] says whether it may be.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MenuPriceAttribute : ValidationAttribute
{
    public static string Message { get; } =
        $"Enter a price {MenuItemLimits.PriceRange}, such as 4.20.";

    public MenuPriceAttribute()
        : base(() => Message)
    {
    }

    /// <summary>Reads a price written with a dot for decimals and no thousands separator ("4.20").</summary>
    public static bool TryParse(string? text, out decimal price) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price);

    /// <summary>The price as the form shows it: two decimals, a dot, whatever the server's culture.</summary>
    public static string Format(decimal price) => price.ToString("0.00", CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text when string.IsNullOrWhiteSpace(text) => true,
        string text => TryParse(text, out var price) && MenuItemLimits.IsValidPrice(price),
        decimal price => MenuItemLimits.IsValidPrice(price),
        _ => false,
    };
}
