using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.Menu;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>The query string of <c>GET /api/v1/menu-items</c>.</summary>
public sealed class MenuItemListRequest : IValidatableObject
{
    private static readonly Dictionary<string, MenuItemSortField> SortFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = MenuItemSortField.Id,
        ["title"] = MenuItemSortField.Title,
        ["price"] = MenuItemSortField.Price,
        ["createdAt"] = MenuItemSortField.CreatedAt,
        ["updatedAt"] = MenuItemSortField.UpdatedAt,
    };

    /// <summary>"hot" or "iced"; omit for both.</summary>
    [FromQuery(Name = "category")]
    public string? Category { get; init; }

    /// <summary>Case-insensitive text to find in the title or description.</summary>
    [FromQuery(Name = "search")]
    [StringLength(MenuItemQuery.SearchMaxLength)]
    public string? Search { get; init; }

    /// <summary>true for what can be ordered now, false for what is off the menu for now.</summary>
    [FromQuery(Name = "available")]
    public bool? Available { get; init; }

    /// <summary>id, title, price, createdAt or updatedAt; a leading '-' sorts descending.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page")]
    [Range(1, 100_000)]
    public int Page { get; init; } = 1;

    [FromQuery(Name = "pageSize")]
    [Range(1, MenuItemQuery.MaxPageSize)]
    public int PageSize { get; init; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Category is not null && !MenuCategories.TryParse(Category, out _))
        {
            yield return new ValidationResult("category must be hot or iced.", ["category"]);
        }

        if (Sort is not null && !SortFields.ContainsKey(Sort.TrimStart('-')))
        {
            yield return new ValidationResult("sort must be one of id, title, price, createdAt, updatedAt, optionally prefixed with '-'.", ["sort"]);
        }
    }

    public MenuItemQuery ToQuery()
    {
        MenuCategory? category = MenuCategories.TryParse(Category, out var parsed) ? parsed : null;
        var sort = Sort ?? "id";
        return new MenuItemQuery
        {
            Category = category,
            Search = Search,
            Available = Available,
            SortBy = SortFields[sort.TrimStart('-')],
            Descending = sort.StartsWith('-'),
            Page = Page,
            PageSize = PageSize,
        };
    }
}
