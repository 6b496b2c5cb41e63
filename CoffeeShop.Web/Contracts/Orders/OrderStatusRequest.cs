using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Web.Contracts.Orders;

/// <summary>The status a staff member moves an order to.</summary>
public sealed class OrderStatusRequest : IValidatableObject
{
    /// <summary>Preparing, Ready, Completed or Cancelled.</summary>
    /// <example>Preparing</example>
    [Required]
    public string? Status { get; init; }

    public OrderStatus Parsed => Enum.Parse<OrderStatus>(Status!, ignoreCase: true);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Status is not null && (!Enum.TryParse<OrderStatus>(Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(Status, out _)))
        {
            yield return new ValidationResult(
                $"status must be one of {string.Join(", ", Enum.GetNames<OrderStatus>())}.", [nameof(Status)]);
        }
    }
}
