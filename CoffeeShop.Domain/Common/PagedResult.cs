namespace CoffeeShop.Domain.Common;

/// <summary>One page of a longer list, with the size of the whole list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
