using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Web.Validation;

/// <summary>
/// A picture as the domain accepts it: an absolute http(s) URL or a path on this site, at most 2048 characters.
/// Null or blank passes (no picture).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class ImageReferenceAttribute : ValidationAttribute
{
    public static string Message { get; } =
        $"Use an absolute http or https URL or a path on this site starting with '/', at most {MenuItemLimits.ImageMaxLength} characters.";

    public ImageReferenceAttribute()
        : base(() => Message)
    {
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text when string.IsNullOrWhiteSpace(text) => true,
        string text => text.Trim().Length <= MenuItemLimits.ImageMaxLength && MenuItem.IsImageReference(text.Trim()),
        _ => false,
    };
}
