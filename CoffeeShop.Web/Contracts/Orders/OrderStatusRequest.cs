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

    /// <summary>The validated status. A method, not a property: validation reads every property, and would call this before Validate.</summary>
    public OrderStatus ToStatus() => OrderStatuses.Parse(Status!);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Status is not null && !OrderStatuses.TryParse(Status, out _))
        {
            yield return new ValidationResult(OrderStatuses.Message, ["status"]);
        }
    }
}
