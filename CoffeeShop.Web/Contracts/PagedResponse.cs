namespace CoffeeShop.Web.Contracts;

/// <summary>One page of a list: the items, where the page is, and how many there are in all.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
