using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Menu;

/// <summary>How a list of menu items is sorted.</summary>
public enum MenuItemSortField
{
    Id,
    Title,
    Price,
    CreatedAt,
    UpdatedAt,
}

/// <summary>A filter, an order and a page over the menu; used by the pages and both APIs.</summary>
public sealed record MenuItemQuery
{
    public const int MaxPageSize = 100;

    /// <summary>The longest search text: the API refuses a longer one, the menu page cuts it.</summary>
    public const int SearchMaxLength = 100;

    public MenuCategory? Category { get; init; }

    /// <summary>Case-insensitive substring of the title or the description.</summary>
    public string? Search { get; init; }

    public bool? Available { get; init; }

    public MenuItemSortField SortBy { get; init; } = MenuItemSortField.Id;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    /// <summary>
    /// Where the page starts, counted from 0, for cursor paging (GraphQL's <c>after</c>); when null the page
    /// starts at <see cref="Page"/>.
    /// </summary>
    public int? Offset { get; init; }

    public int Skip => Offset ?? PagedResult.Skip(Page, PageSize);
}
