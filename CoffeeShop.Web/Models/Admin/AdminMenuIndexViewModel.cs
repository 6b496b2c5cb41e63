namespace CoffeeShop.Web.Models.Admin;

/// <summary>The admin menu list: one page of every item, both categories, in id order.</summary>
public sealed class AdminMenuIndexViewModel
{
    public required IReadOnlyList<AdminMenuItemViewModel> Items { get; init; }

    public int Page { get; init; } = 1;

    public int TotalPages { get; init; } = 1;

    public int TotalCount { get; init; }
}
