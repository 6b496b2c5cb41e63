using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CoffeeShop.Web.Validation;

/// <summary>
/// A list whose items must all be there: <c>"lines":[null]</c> is a 400 naming the list and the item, not a line
/// that the code after validation would take for an object. A null list passes: [Required] says whether it may be.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class NoNullItemsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not IEnumerable items)
        {
            return ValidationResult.Success;
        }

        var index = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(validationContext.MemberName ?? "items");
                return new ValidationResult(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{index}] is null; each item must be an object."),
                    validationContext.MemberName is { } member ? [member] : []);
            }

            index++;
        }

        return ValidationResult.Success;
    }
}
