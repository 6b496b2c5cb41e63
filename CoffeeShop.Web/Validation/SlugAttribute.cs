using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Common;

namespace CoffeeShop.Web.Validation;

/// <summary>A code of a size, option group or option, by the domain's rule (<see cref="Slug.IsValid"/>). Null passes: the member's type says whether it may be.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SlugAttribute : ValidationAttribute
{
    public SlugAttribute()
        : base(() => $"Use {Slug.Rule}.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && Slug.IsValid(text));
}
