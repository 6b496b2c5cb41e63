using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>
/// What every write of a menu item carries, on the versioned API: a create (<see cref="CreateMenuItemRequest"/>)
/// and a full replace (<see cref="ReplaceMenuItemRequest"/>, which the patches also end in). The <c>required</c>
/// members must be sent and may not be null (<see cref="RequestJson"/>); an optional member is one line here with
/// its default, and <see cref="ToDetails(string?, bool)"/> passes it on.
/// </summary>
public abstract record MenuItemRequest : IRequestRecord, IValidatableObject
{
    /// <summary>"hot" or "iced".</summary>
    /// <example>hot</example>
    public required string Category { get; init; }

    /// <example>Honey Latte</example>
    [StringLength(MenuItemLimits.TitleMaxLength, MinimumLength = 1)]
    public required string Title { get; init; }

    /// <summary>May be empty.</summary>
    /// <example>Espresso and steamed milk with a spoon of wildflower honey.</example>
    [Required(AllowEmptyStrings = true)]
    [StringLength(MenuItemLimits.DescriptionMaxLength)]
    public required string Description { get; init; }

    /// <example>["Espresso", "Steamed milk", "Honey"]</example>
    [Ingredients]
    public required List<string> Ingredients { get; init; }

    /// <summary>The default size's price. May be left out when sizes are sent: it is then the default size's.</summary>
    /// <example>4.20</example>
    [MenuPrice]
    public decimal? Price { get; init; }

    /// <summary>
    /// 1–5 sizes, exactly one of them the default. Left out (or null), the item keeps its sizes with the default at
    /// price; a new item gets one regular size at price.
    /// </summary>
    [MinLength(MenuItemLimits.SizesMin)]
    [MaxLength(MenuItemLimits.SizesMax)]
    [NoNullItems]
    public List<MenuItemSizeRequest>? Sizes { get; init; }

    /// <summary>The codes of the option groups the drink offers, in order. Left out (or null), the item keeps its groups; a new item has none.</summary>
    /// <example>["milk", "extra-shots", "syrups"]</example>
    [MaxLength(OptionGroupLimits.GroupsPerItemMax)]
    [NoNullItems]
    public List<string>? OptionGroupCodes { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MenuCategories.TryParse(Category, out _))
        {
            // The field as the client names it: the errors map takes member names as they are.
            yield return new ValidationResult("category must be hot or iced.", ["category"]);
        }

        if (Price is null && Sizes is null)
        {
            yield return new ValidationResult("The price field is required.", ["price"]);
        }
    }

    /// <summary>The domain's view of a validated request with its <paramref name="image"/> and availability.</summary>
    protected MenuItemDetails ToDetails(string? image, bool isAvailable)
    {
        // An unknown category was refused by Validate; the domain refuses the undefined value again.
        var category = MenuCategories.TryParse(Category, out var parsed) ? parsed : default;
        var sizes = Sizes?.Select(s => s.ToSize()).ToList();

        // Price left out with sizes sent is the default size's; when both are sent, the domain checks that they agree.
        var price = Price ?? sizes?.Find(s => s.IsDefault)?.Price ?? sizes?.FirstOrDefault()?.Price ?? 0m;
        return new MenuItemDetails(category, Title, Description, Ingredients, image, price, isAvailable, sizes, OptionGroupCodes);
    }
}
