using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Web.Caching;

/// <summary>
/// The menu repository with the one read that may be seconds old: <see cref="FindManyAsync"/>, which prices every order,
/// is answered from the in-memory <see cref="MenuSnapshot"/> instead of a query per order. Everything else (the lists,
/// a single item, every write) goes to the database as it stands. The freshness decision is made here, in the web
/// layer's composition, not inside the data layer.
/// </summary>
public sealed class CachedMenuItemRepository(IMenuItemRepository inner, MenuSnapshot snapshot) : IMenuItemRepository
{
    public async Task<IReadOnlyList<MenuItem>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var menu = await snapshot.GetAsync(inner.ListAllAsync, cancellationToken);
        return [.. ids.Distinct().Select(id => menu.GetValueOrDefault(id)).OfType<MenuItem>()];
    }

    public Task<MenuItem?> FindAsync(int id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

    public Task<PagedResult<MenuItem>> ListAsync(MenuItemQuery query, CancellationToken cancellationToken) =>
        inner.ListAsync(query, cancellationToken);

    public Task<IReadOnlyList<MenuItem>> ListByCategoryAsync(MenuCategory category, CancellationToken cancellationToken) =>
        inner.ListByCategoryAsync(category, cancellationToken);

    public Task<IReadOnlyList<MenuItem>> ListAllAsync(CancellationToken cancellationToken) => inner.ListAllAsync(cancellationToken);

    public Task<bool> AnyOffersOptionGroupAsync(string groupCode, CancellationToken cancellationToken) =>
        inner.AnyOffersOptionGroupAsync(groupCode, cancellationToken);

    public Task<bool> TitleExistsAsync(MenuCategory category, string title, int? exceptId, CancellationToken cancellationToken) =>
        inner.TitleExistsAsync(category, title, exceptId, cancellationToken);

    public Task AddAsync(MenuItem item, CancellationToken cancellationToken) => inner.AddAsync(item, cancellationToken);

    public void Remove(MenuItem item) => inner.Remove(item);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => inner.SaveChangesAsync(cancellationToken);
}
