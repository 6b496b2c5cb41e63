using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Orders;

/// <summary>A filter and a page over orders, newest first; used by a customer's history and the staff's list.</summary>
public sealed record OrderQuery
{
    public const int MaxPageSize = 100;

    /// <summary>Only this user's orders. Null lists everyone's, so the edge must set it for anyone but staff.</summary>
    public string? CustomerId { get; init; }

    public OrderStatus? Status { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    /// <summary>
    /// Where the page starts, counted from 0, for cursor paging (GraphQL's <c>after</c>); when null the page
    /// starts at <see cref="Page"/>.
    /// </summary>
    public int? Offset { get; init; }

    public int Skip => Offset ?? PagedResult.Skip(Page, PageSize);
}
