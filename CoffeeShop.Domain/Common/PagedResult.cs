namespace CoffeeShop.Domain.Common;

/// <summary>One page of a longer list, with the size of the whole list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    /// <summary>How many pages the whole list fills; 1 for an empty list, so "page 1 of 1" always makes sense.</summary>
    public int TotalPages => TotalCount <= 0 || PageSize <= 0 ? 1 : (int)((TotalCount + (long)PageSize - 1) / PageSize);
}

/// <summary>The paging arithmetic, in one place.</summary>
public static class PagedResult
{
    /// <summary>How many items come before page <paramref name="page"/> (from 1) of <paramref name="pageSize"/>.</summary>
    public static int Skip(int page, int pageSize) => (Math.Max(page, 1) - 1) * pageSize;

    /// <summary>No items: the page asked for, of an empty list.</summary>
    public static PagedResult<T> Empty<T>(int page, int pageSize) => new([], page, pageSize, 0);
}
