using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Web.Validation;

/// <summary>What an option adds to a line's price, by the domain's rule (<see cref="OptionGroupLimits.IsValidPriceDelta"/>). Null passes: [Required] says whether it may be.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PriceDeltaAttribute : ValidationAttribute
{
    public PriceDeltaAttribute()
        : base(() => $"Enter a price delta {OptionGroupLimits.PriceDeltaRange}, such as 0.50.")
    {
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        decimal delta => OptionGroupLimits.IsValidPriceDelta(delta),
        _ => false,
    };
}
