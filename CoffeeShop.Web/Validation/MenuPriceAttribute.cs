using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Web.Validation;

/// <summary>A menu price: 0.01–100.00 with at most two decimals. Null passes: [Required] says whether it may be.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MenuPriceAttribute : ValidationAttribute
{
    public static string Message { get; } =
        $"Enter a price between {MenuItemLimits.PriceMin} and {MenuItemLimits.PriceMax} with at most two decimals.";

    public MenuPriceAttribute()
        : base(() => Message)
    {
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        decimal price => price >= MenuItemLimits.MinPrice && price <= MenuItemLimits.MaxPrice && decimal.Round(price, 2) == price,
        _ => false,
    };
}
