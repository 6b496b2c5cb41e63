using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Models.Admin;

/// <summary>The admin form for a new or an edited menu item. Ingredients are edited as text, one per line.</summary>
public sealed class MenuItemFormViewModel
{
    /// <summary>0 for a new item.</summary>
    public int Id { get; set; }

    [Required(ErrorMessage = "Choose hot or iced.")]
    [EnumDataType(typeof(MenuCategory), ErrorMessage = "Choose hot or iced.")]
    public MenuCategory? Category { get; set; } = MenuCategory.Hot;

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(MenuItemLimits.TitleMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Title { get; set; }

    [StringLength(MenuItemLimits.DescriptionMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "List at least one ingredient, one per line.")]
    [Ingredients]
    public string? Ingredients { get; set; }

    [Display(Name = "Image (optional)")]
    [ImageReference]
    public string? Image { get; set; }

    /// <summary>Text, read in the invariant culture ("4.20"), so the server's culture never changes what is typed.</summary>
    [Required(ErrorMessage = "Enter a price, such as 4.20.")]
    [MenuPrice]
    public string? Price { get; set; }

    [Display(Name = "Available to order")]
    public bool IsAvailable { get; set; } = true;

    /// <summary>The version the form was filled from; a save refuses to overwrite a newer one.</summary>
    public int Version { get; set; }

    public bool IsNew => Id == 0;

    /// <summary>What the validated form asks for, in the domain's terms; the domain checks its invariants again.</summary>
    public MenuItemDetails ToDetails()
    {
        _ = MenuPriceAttribute.TryParse(Price, out var price);
        return new MenuItemDetails(
            Category ?? default,
            Title ?? string.Empty,
            Description ?? string.Empty,
            IngredientsAttribute.SplitLines(Ingredients),
            string.IsNullOrWhiteSpace(Image) ? null : Image.Trim(),
            price,
            IsAvailable);
    }
}
