using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Web.Validation;

/// <summary>
/// A menu item's ingredients: 1–20 of them, each 1–60 characters. Takes a list (the APIs) or text with one
/// ingredient per line (the admin form; blank lines are skipped). Null passes: [Required] says whether it may be.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class IngredientsAttribute : ValidationAttribute
{
    public static string CountMessage { get; } =
        $"List between {MenuItemLimits.IngredientsMin} and {MenuItemLimits.IngredientsMax} ingredients.";

    public static string LengthMessage { get; } =
        $"Each ingredient must be between 1 and {MenuItemLimits.IngredientMaxLength} characters.";

    /// <summary>The ingredients in text with one per line: each line trimmed, blank lines left out.</summary>
    public static IReadOnlyList<string> SplitLines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        IReadOnlyList<string?>? ingredients = value switch
        {
            null => null,
            string text => (IReadOnlyList<string?>)SplitLines(text),
            IEnumerable<string?> list => (IReadOnlyList<string?>)list.ToList(),
            _ => throw new InvalidOperationException($"[Ingredients] applies to text or a list of strings, not {value.GetType().Name}."),
        };
        if (ingredients is null)
        {
            return ValidationResult.Success;
        }

        string[] members = validationContext.MemberName is { } member ? [member] : [];
        if (ingredients.Count < MenuItemLimits.IngredientsMin || ingredients.Count > MenuItemLimits.IngredientsMax)
        {
            return new ValidationResult(CountMessage, members);
        }

        return ingredients.Any(i => string.IsNullOrWhiteSpace(i) || i.Trim().Length > MenuItemLimits.IngredientMaxLength)
            ? new ValidationResult(LengthMessage, members)
            : ValidationResult.Success;
    }
}
