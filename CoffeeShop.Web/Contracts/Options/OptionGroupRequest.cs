using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Options;

/// <summary>
/// An option group as a client writes it (PUT, and the group a PATCH makes): every field must be there. Its code is in
/// the URL and never changes. The domain checks the rules again, with those that span fields (min ≤ max ≤ options,
/// enough available defaults to fill the minimum).
/// </summary>
public class OptionGroupRequest
{
    /// <example>Milk</example>
    [Required]
    [StringLength(OptionGroupLimits.NameMaxLength, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>How many options a line must take from the group (0 when it is optional).</summary>
    /// <example>1</example>
    [Required]
    [Range(0, OptionGroupLimits.OptionsMax)]
    public int? MinSelected { get; init; }

    /// <summary>How many options a line may take from the group.</summary>
    /// <example>1</example>
    [Required]
    [Range(1, OptionGroupLimits.OptionsMax)]
    public int? MaxSelected { get; init; }

    /// <summary>How many of one option a line may take; 1 when an option may not repeat.</summary>
    /// <example>1</example>
    [Required]
    [Range(OptionGroupLimits.MaxQuantityMin, OptionGroupLimits.MaxQuantityMax)]
    public int? MaxQuantity { get; init; }

    [Required]
    [MinLength(OptionGroupLimits.OptionsMin)]
    [MaxLength(OptionGroupLimits.OptionsMax)]
    [NoNullItems]
    public List<MenuOptionRequest>? Options { get; init; }

    /// <summary>The group as it is, as a full replace would write it: where a merge patch starts.</summary>
    public static OptionGroupRequest From(OptionGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new OptionGroupRequest
        {
            Name = group.Name,
            MinSelected = group.MinSelected,
            MaxSelected = group.MaxSelected,
            MaxQuantity = group.MaxQuantity,
            Options = [.. group.Options.Select(o => new MenuOptionRequest
            {
                Code = o.Code, Name = o.Name, PriceDelta = o.PriceDelta, IsDefault = o.IsDefault, IsAvailable = o.IsAvailable,
            })],
        };
    }

    /// <summary>The domain's view of a validated request.</summary>
    public OptionGroupDetails ToDetails() => new(
        Name!,
        MinSelected!.Value,
        MaxSelected!.Value,
        MaxQuantity!.Value,
        [.. Options!.Select(o => new MenuOption(o.Code!, o.Name!, o.PriceDelta!.Value, o.IsDefault ?? false, o.IsAvailable ?? true))]);
}

/// <summary>A new option group (POST): the same fields and its code, which is its identity from then on.</summary>
public sealed class CreateOptionGroupRequest : OptionGroupRequest
{
    /// <summary>A lowercase slug, unique among groups.</summary>
    /// <example>milk</example>
    [Required]
    [StringLength(Slug.MaxLength, MinimumLength = 1)]
    [RegularExpression(SlugPattern, ErrorMessage = "code must be 1 to 40 lowercase letters, digits and single hyphens (e.g. oat-milk).")]
    public string? Code { get; init; }

    internal const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
}

/// <summary>One choice in a group.</summary>
public sealed class MenuOptionRequest
{
    /// <summary>A lowercase slug, unique across every group's options.</summary>
    /// <example>oat-milk</example>
    [Required]
    [StringLength(Slug.MaxLength, MinimumLength = 1)]
    [RegularExpression(CreateOptionGroupRequest.SlugPattern, ErrorMessage = "code must be lowercase letters, digits and single hyphens (e.g. oat-milk).")]
    public string? Code { get; init; }

    /// <example>Oat milk</example>
    [Required]
    [StringLength(OptionGroupLimits.NameMaxLength, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>What the option adds to a line's unit price, 0.00–10.00.</summary>
    /// <example>0.50</example>
    [Required]
    [PriceDelta]
    public decimal? PriceDelta { get; init; }

    /// <summary>Taken when a line leaves a group with a minimum out; false when left out.</summary>
    /// <example>false</example>
    public bool? IsDefault { get; init; }

    /// <summary>true when left out.</summary>
    /// <example>true</example>
    public bool? IsAvailable { get; init; }
}
