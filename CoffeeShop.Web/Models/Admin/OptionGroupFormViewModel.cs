using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Models.Admin;

/// <summary>
/// The admin form for an option group (milk, shots, syrups): its rules and a row per option. Rows left blank are
/// ignored, so the form offers a few empty ones to add options without JavaScript. The domain checks every rule.
/// </summary>
public sealed class OptionGroupFormViewModel
{
    /// <summary>Blank option rows offered below the filled ones, up to the domain's limit.</summary>
    public const int BlankRows = 3;

    /// <summary>Set once, at creation; shown read-only when editing.</summary>
    [Required(ErrorMessage = "Enter a code such as milk (lowercase letters, digits and dashes).")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Enter a name.")]
    [StringLength(OptionGroupLimits.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Name { get; set; }

    [Display(Name = "Fewest options a drink takes")]
    public int MinSelected { get; set; }

    [Display(Name = "Most options a drink takes")]
    public int MaxSelected { get; set; } = 1;

    [Display(Name = "Most of one option on a drink")]
    public int MaxQuantity { get; set; } = 1;

    public List<OptionGroupFormOption> Options { get; set; } = [];

    /// <summary>The version the form was filled from; a save refuses to overwrite a newer one.</summary>
    public int Version { get; set; }

    public bool IsNew { get; set; } = true;

    public static OptionGroupFormViewModel From(OptionGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new OptionGroupFormViewModel
        {
            Code = group.Code,
            Name = group.Name,
            MinSelected = group.MinSelected,
            MaxSelected = group.MaxSelected,
            MaxQuantity = group.MaxQuantity,
            Options = [.. group.Options.Select(o => new OptionGroupFormOption
            {
                Code = o.Code,
                Name = o.Name,
                PriceDelta = MenuPriceAttribute.Format(o.PriceDelta),
                IsDefault = o.IsDefault,
                IsAvailable = o.IsAvailable,
            })],
            Version = group.Version,
            IsNew = false,
        };
    }

    /// <summary>Takes the blank rows out, so the rows left are the domain's <c>Options[i]</c>.</summary>
    public void DropBlankRows() => Options = [.. Options.Where(o => !o.IsBlank)];

    /// <summary>Adds the blank rows again for the next render.</summary>
    public void AddBlankRows()
    {
        var room = Math.Min(BlankRows, OptionGroupLimits.OptionsMax - Options.Count);
        Options.AddRange(Enumerable.Range(0, Math.Max(room, 0)).Select(_ => new OptionGroupFormOption { IsAvailable = true }));
    }

    /// <summary>What the validated form asks for, in the domain's terms.</summary>
    public OptionGroupDetails ToDetails() => new(
        Name ?? string.Empty,
        MinSelected,
        MaxSelected,
        MaxQuantity,
        [.. Options.Select(o => new MenuOption(
            o.Code?.Trim() ?? string.Empty,
            o.Name?.Trim() ?? string.Empty,
            MenuPriceAttribute.TryParse(o.PriceDelta, out var delta) ? delta : 0m,
            o.IsDefault,
            o.IsAvailable))]);
}

public sealed class OptionGroupFormOption
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    /// <summary>Text read in the invariant culture ("0.50"); blank is 0.00.</summary>
    [RegularExpression(@"^\s*\d{1,2}(\.\d{1,2})?\s*$", ErrorMessage = "Enter an amount such as 0.50.")]
    public string? PriceDelta { get; set; }

    public bool IsDefault { get; set; }

    public bool IsAvailable { get; set; } = true;

    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(PriceDelta);
}
