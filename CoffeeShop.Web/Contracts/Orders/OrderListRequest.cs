using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Orders;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Contracts.Orders;

/// <summary>The query string of <c>GET /api/v1/orders</c>.</summary>
public sealed class OrderListRequest : IValidatableObject
{
    /// <summary>Only orders in this status (staff and customers alike).</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "page")]
    [Range(1, 100_000)]
    public int Page { get; init; } = 1;

    [FromQuery(Name = "pageSize")]
    [Range(1, OrderQuery.MaxPageSize)]
    public int PageSize { get; init; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Status is not null && !OrderStatuses.TryParse(Status, out _))
        {
            yield return new ValidationResult(OrderStatuses.Message, ["status"]);
        }
    }

    public OrderQuery ToQuery(string? customerId) => new()
    {
        CustomerId = customerId,
        Status = Status is null ? null : OrderStatuses.Parse(Status),
        Page = Page,
        PageSize = PageSize,
    };
}
