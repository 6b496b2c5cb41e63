using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Repositories;

// string.ToUpper() inside these queries is translated to SQL UPPER(); culture overloads do not translate.
#pragma warning disable CA1304, CA1311, CA1862

/// <summary>The menu as the database holds it now; copies that may be older are the web layer's decorators.</summary>
internal sealed class MenuItemRepository(CoffeeShopDbContext db) : IMenuItemRepository
{
    /// <summary>
    /// By key, through the change tracker first: a write that reads the item and then changes it (PATCH, the admin
    /// pages) costs one query, not two.
    /// </summary>
    public async Task<MenuItem?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.MenuItems.FindAsync([id], cancellationToken);

    public async Task<PagedResult<MenuItem>> ListAsync(MenuItemQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filter(db.MenuItems.AsNoTracking(), query);
        var total = await filtered.CountAsync(cancellationToken);
        var items = total == 0
            ? []
            : await Sort(filtered, query).Skip(query.Skip).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<MenuItem>(items, query.Page, query.PageSize, total);
    }

    public async Task<IReadOnlyList<MenuItem>> ListByCategoryAsync(MenuCategory category, CancellationToken cancellationToken) =>
        await db.MenuItems.AsNoTracking().Where(m => m.Category == category).OrderBy(m => m.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<MenuItem>> ListAllAsync(CancellationToken cancellationToken) =>
        await db.MenuItems.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<MenuItem>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await db.MenuItems.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);

    public Task<bool> AnyOffersOptionGroupAsync(string groupCode, CancellationToken cancellationToken) =>
        db.MenuItems.AnyAsync(m => m.OptionGroupCodes.Contains(groupCode), cancellationToken);

    public Task<bool> TitleExistsAsync(MenuCategory category, string title, int? exceptId, CancellationToken cancellationToken)
    {
        // Titles compare case-insensitively: "latte" and "Latte" are the same drink.
        var upper = title.ToUpperInvariant();
        return db.MenuItems.AnyAsync(
            m => m.Category == category && m.Title.ToUpper() == upper && (exceptId == null || m.Id != exceptId),
            cancellationToken);
    }

    public async Task AddAsync(MenuItem item, CancellationToken cancellationToken) =>
        await db.MenuItems.AddAsync(item, cancellationToken);

    public void Remove(MenuItem item) => db.MenuItems.Remove(item);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesTranslatingAsync(cancellationToken);

    private static IQueryable<MenuItem> Filter(IQueryable<MenuItem> items, MenuItemQuery query)
    {
        if (query.Category is { } category)
        {
            items = items.Where(m => m.Category == category);
        }

        if (query.Available is { } available)
        {
            items = items.Where(m => m.IsAvailable == available);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Parameterised LIKE with the wildcards of the search text escaped.
            var pattern = "%" + EscapeLike(query.Search.Trim().ToUpperInvariant()) + "%";
            items = items.Where(m =>
                EF.Functions.Like(m.Title.ToUpper(), pattern, "\\")
                || EF.Functions.Like(m.Description.ToUpper(), pattern, "\\"));
        }

        return items;
    }

    private static IOrderedQueryable<MenuItem> Sort(IQueryable<MenuItem> items, MenuItemQuery query)
    {
        var sorted = (query.SortBy, query.Descending) switch
        {
            (MenuItemSortField.Title, false) => items.OrderBy(m => m.Title),
            (MenuItemSortField.Title, true) => items.OrderByDescending(m => m.Title),
            (MenuItemSortField.Price, false) => items.OrderBy(m => m.Price),
            (MenuItemSortField.Price, true) => items.OrderByDescending(m => m.Price),
            (MenuItemSortField.CreatedAt, false) => items.OrderBy(m => m.CreatedAt),
            (MenuItemSortField.CreatedAt, true) => items.OrderByDescending(m => m.CreatedAt),
            (MenuItemSortField.UpdatedAt, false) => items.OrderBy(m => m.UpdatedAt),
            (MenuItemSortField.UpdatedAt, true) => items.OrderByDescending(m => m.UpdatedAt),
            (_, true) => items.OrderByDescending(m => m.Id),
            _ => items.OrderBy(m => m.Id),
        };

        // A stable tie-break keeps pages from overlapping.
        return sorted.ThenBy(m => m.Id);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
