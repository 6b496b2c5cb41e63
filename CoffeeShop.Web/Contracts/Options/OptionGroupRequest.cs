using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Options;

/// <summary>
/// An option group as a client writes it: a full replace (PUT, and what a merge patch or JSON Patch makes of the group),
/// in which every field must be sent. Its code is in the URL and never changes. The domain checks the rules that span
/// fields again (min ≤ max ≤ options, enough available defaults to fill the minimum, option codes unique).
/// </summary>
public record OptionGroupRequest : IRequestRecord
{
    /// <example>Milk</example>
    [StringLength(OptionGroupLimits.NameMaxLength, MinimumLength = 1)]
    public required string Name { get; init; }

    /// <summary>How many options a line must take from the group (0 when it is optional).</summary>
    /// <example>1</example>
    [Range(0, OptionGroupLimits.OptionsMax)]
    public required int MinSelected { get; init; }

    /// <summary>How many options a line may take from the group.</summary>
    /// <example>1</example>
    [Range(1, OptionGroupLimits.OptionsMax)]
    public required int MaxSelected { get; init; }

    /// <summary>How many of one option a line may take; 1 when an option may not repeat.</summary>
    /// <example>1</example>
    [Range(OptionGroupLimits.MaxQuantityMin, OptionGroupLimits.MaxQuantityMax)]
    public required int MaxQuantity { get; init; }

    /// <summary>1–20 options; their codes are unique across every group.</summary>
    [MinLength(OptionGroupLimits.OptionsMin)]
    [MaxLength(OptionGroupLimits.OptionsMax)]
    [NoNullItems]
    public required List<MenuOptionRequest> Options { get; init; }

    /// <summary>The group as it is, as a full replace would write it: where a patch starts.</summary>
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
        Name,
        MinSelected,
        MaxSelected,
        MaxQuantity,
        [.. Options.Select(o => new MenuOption(o.Code, o.Name, o.PriceDelta, o.IsDefault, o.IsAvailable))]);
}

/// <summary>A new option group (POST): the same fields and its code, which is its identity from then on.</summary>
public sealed record CreateOptionGroupRequest : OptionGroupRequest
{
    /// <summary>A lowercase slug, unique among groups.</summary>
    /// <example>milk</example>
    [Slug]
    public required string Code { get; init; }
}

/// <summary>One choice in a group: isDefault and isAvailable may be left out (not a default; available).</summary>
public sealed record MenuOptionRequest
{
    /// <summary>A lowercase slug, unique across every group's options.</summary>
    /// <example>oat-milk</example>
    [Slug]
    public required string Code { get; init; }

    /// <example>Oat milk</example>
    [StringLength(OptionGroupLimits.NameMaxLength, MinimumLength = 1)]
    public required string Name { get; init; }

    /// <summary>What the option adds to a line's unit price, 0.00–10.00.</summary>
    /// <example>0.50</example>
    [PriceDelta]
    public required decimal PriceDelta { get; init; }

    /// <summary>Taken when a line leaves a group with a minimum out.</summary>
    /// <example>false</example>
    public bool IsDefault { get; init; }

    /// <example>true</example>
    public bool IsAvailable { get; init; } = true;
}
