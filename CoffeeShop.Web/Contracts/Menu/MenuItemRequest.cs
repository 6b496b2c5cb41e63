using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>
/// A menu item as a client writes it (POST, PUT, and the result of a PATCH). Which fields must be present
/// depends on the method; <see cref="MenuItemRequestReader"/> checks that, then these attributes.
/// </summary>
public sealed class MenuItemRequest : IValidatableObject
{
    /// <summary>"hot" or "iced".</summary>
    /// <example>hot</example>
    public string? Category { get; set; }

    /// <example>Honey Latte</example>
    [StringLength(MenuItemLimits.TitleMaxLength, MinimumLength = 1)]
    public string? Title { get; set; }

    /// <example>Espresso and steamed milk with a spoon of wildflower honey.</example>
    [StringLength(MenuItemLimits.DescriptionMaxLength)]
    public string? Description { get; set; }

    /// <example>["Espresso", "Steamed milk", "Honey"]</example>
    [Ingredients]
    public List<string>? Ingredients { get; set; }

    /// <summary>An absolute http(s) URL or a path on this site; null for the category's picture.</summary>
    /// <example>/images/menu/latte.svg</example>
    [ImageReference]
    public string? Image { get; set; }

    /// <example>4.20</example>
    [MenuPrice]
    public decimal? Price { get; set; }

    /// <example>true</example>
    public bool? IsAvailable { get; set; }

    public static MenuItemRequest From(MenuItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new MenuItemRequest
        {
            Category = item.Category.ToSlug(),
            Title = item.Title,
            Description = item.Description,
            Ingredients = [.. item.Ingredients],
            Image = item.Image,
            Price = item.Price,
            IsAvailable = item.IsAvailable,
        };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Category is not null && !MenuCategories.TryParse(Category, out _))
        {
            yield return new ValidationResult("category must be hot or iced.", [nameof(Category)]);
        }
    }

    /// <summary>The domain's view of a validated request.</summary>
    public MenuItemDetails ToDetails()
    {
        // An unknown category was refused by Validate; the domain refuses the undefined value again.
        var category = MenuCategories.TryParse(Category, out var parsed) ? parsed : default;
        return new MenuItemDetails(category, Title!, Description ?? string.Empty, Ingredients!, Image, Price!.Value, IsAvailable ?? true);
    }
}
