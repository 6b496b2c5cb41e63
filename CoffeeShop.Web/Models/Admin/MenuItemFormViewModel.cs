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

    /// <summary>
    /// The sizes, one row each (blank rows are ignored; none at all keeps the item's sizes, or gives a new item one
    /// regular size). The default row costs <see cref="Price"/>, so the two can never disagree.
    /// </summary>
    public List<MenuItemSizeFormRow> Sizes { get; set; } = [];

    /// <summary>The row of the default size.</summary>
    [Display(Name = "Default size")]
    public int DefaultSize { get; set; }

    /// <summary>The codes of the option groups the drink offers (the boxes ticked).</summary>
    public List<string> OptionGroupCodes { get; set; } = [];

    /// <summary>Every option group, to tick from (shown only).</summary>
    public IReadOnlyList<(string Code, string Name)> AvailableGroups { get; set; } = [];

    /// <summary>Takes the blank size rows out, so the rows left are the domain's <c>Sizes[i]</c>; keeps the default on its row.</summary>
    public void DropBlankSizes()
    {
        var defaultRow = DefaultSize >= 0 && DefaultSize < Sizes.Count ? Sizes[DefaultSize] : null;
        Sizes = [.. Sizes.Where(s => !s.IsBlank)];
        DefaultSize = defaultRow is null ? 0 : Math.Max(Sizes.IndexOf(defaultRow), 0);
    }

    /// <summary>Blank rows below the filled ones, up to the domain's five sizes.</summary>
    public void AddBlankSizes()
    {
        while (Sizes.Count < MenuItemLimits.SizesMax)
        {
            Sizes.Add(new MenuItemSizeFormRow());
        }
    }

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
            IsAvailable,
            Sizes.Count == 0 ? null : [.. Sizes.Select((s, i) => new MenuItemSize(
                s.Code?.Trim() ?? string.Empty,
                s.Name?.Trim() ?? string.Empty,
                i == DefaultSize ? price : MenuPriceAttribute.TryParse(s.Price, out var sizePrice) ? sizePrice : 0m,
                i == DefaultSize))],
            [.. OptionGroupCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct()]);
    }
}

/// <summary>One size on the admin form: code (small), name (Small) and price as text ("3.50").</summary>
public sealed class MenuItemSizeFormRow
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    [MenuPrice]
    public string? Price { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Price);
}
