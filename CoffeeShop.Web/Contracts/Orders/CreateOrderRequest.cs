using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Contracts.Orders;

/// <summary>An order: who it is for, any notes, and 1–20 lines of menu item and quantity.</summary>
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

public sealed class CreateOrderLineRequest
{
    /// <example>1</example>
    [Required]
    public int? MenuItemId { get; init; }

    /// <example>2</example>
    [Required]
    [Range(OrderLimits.QuantityMin, OrderLimits.QuantityMax)]
    public int? Quantity { get; init; }
}
