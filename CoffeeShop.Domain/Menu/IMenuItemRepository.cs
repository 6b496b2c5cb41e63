using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Menu;

/// <summary>Where menu items are kept.</summary>
public interface IMenuItemRepository
{
    Task<MenuItem?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>One page of the items matching the query, counted in the same round trip where the provider allows.</summary>
    Task<PagedResult<MenuItem>> ListAsync(MenuItemQuery query, CancellationToken cancellationToken);

    /// <summary>Every item of the category (available or not), in id order, read without tracking.</summary>
    Task<IReadOnlyList<MenuItem>> ListByCategoryAsync(MenuCategory category, CancellationToken cancellationToken);

    /// <summary>The whole menu (available or not), in id order, read without tracking.</summary>
    Task<IReadOnlyList<MenuItem>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>The items with these ids (any that do not exist are left out), read without tracking.</summary>
    Task<IReadOnlyList<MenuItem>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);

    /// <summary>Whether any item (available or not) lists this option group.</summary>
    Task<bool> AnyOffersOptionGroupAsync(string groupCode, CancellationToken cancellationToken);

    Task<bool> TitleExistsAsync(MenuCategory category, string title, int? exceptId, CancellationToken cancellationToken);

    Task AddAsync(MenuItem item, CancellationToken cancellationToken);

    void Remove(MenuItem item);

    /// <summary>Saves changes; throws ConcurrencyException when the item changed meanwhile, ConflictException on a duplicate title.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
