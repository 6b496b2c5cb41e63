using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Orders;

/// <summary>An order: who it is for, any notes, and 1–20 lines of menu item, quantity, size and options.</summary>
public sealed class CreateOrderRequest
{
    /// <example>Ann</example>
    [Required]
    [StringLength(OrderLimits.CustomerNameMaxLength, MinimumLength = 1)]
    public string? CustomerName { get; init; }

    /// <example>Oat milk, please</example>
    [StringLength(OrderLimits.NotesMaxLength)]
    public string? Notes { get; init; }

    [Required]
    [MinLength(OrderLimits.LinesMin)]
    [MaxLength(OrderLimits.LinesMax)]
    [NoNullItems]
    public List<CreateOrderLineRequest>? Lines { get; init; }
}

/// <summary>One drink: which menu item, how many, in which size and with which options.</summary>
public sealed class CreateOrderLineRequest
{
    /// <example>1</example>
    [Required]
    public int? MenuItemId { get; init; }

    /// <example>2</example>
    [Required]
    [Range(OrderLimits.QuantityMin, OrderLimits.QuantityMax)]
    public int? Quantity { get; init; }

    /// <summary>The size's code; left out, the item's default size.</summary>
    /// <example>large</example>
    public string? Size { get; init; }

    /// <summary>The options taken; a group with a minimum that the line leaves out gets its default options.</summary>
    [MaxLength(OptionGroupLimits.OptionsPerLineMax)]
    [NoNullItems]
    public List<CreateOrderOptionRequest>? Options { get; init; }

    public OrderLineRequest ToDomain() => new(
        MenuItemId!.Value,
        Quantity!.Value,
        Size,
        Options?.Select(o => new OptionRequest(o.Code!, o.Quantity ?? 1)).ToList());
}

/// <summary>One option on a line, and how many of it (two extra shots).</summary>
public sealed class CreateOrderOptionRequest
{
    /// <example>extra-shot</example>
    [Required]
    public string? Code { get; init; }

    /// <summary>1 when left out; at most the group's maxQuantity.</summary>
    /// <example>2</example>
    [Range(1, OptionGroupLimits.MaxQuantityMax)]
    public int? Quantity { get; init; }
}
