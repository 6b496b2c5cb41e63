using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Domain.Menu;

/// <summary>The menu's use cases, shared by the pages, the versioned API and the compatible API.</summary>
public sealed class MenuService(
    IMenuItemRepository repository,
    IOptionGroupRepository optionGroups,
    IMenuChangeNotifier notifier,
    TimeProvider clock)
{
    public Task<PagedResult<MenuItem>> ListAsync(MenuItemQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return repository.ListAsync(query, cancellationToken);
    }

    public Task<IReadOnlyList<MenuItem>> ListCategoryAsync(MenuCategory category, CancellationToken cancellationToken) =>
        repository.ListByCategoryAsync(category, cancellationToken);

    public Task<MenuItem?> FindAsync(int id, CancellationToken cancellationToken) =>
        repository.FindAsync(id, cancellationToken);

    /// <summary>The items with these ids (missing ones left out), in one read whatever the number of ids.</summary>
    public Task<IReadOnlyList<MenuItem>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return repository.FindManyAsync(ids, cancellationToken);
    }

    public async Task<MenuItem> GetAsync(int id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken) ?? throw NotFoundException.For("Menu item", id);

    public async Task<MenuItem> CreateAsync(MenuItemDetails details, CancellationToken cancellationToken)
    {
        var item = new MenuItem(details, clock.GetUtcNow());
        await EnsureOptionGroupsExistAsync(item, cancellationToken);
        await EnsureTitleIsFreeAsync(item.Category, item.Title, null, cancellationToken);
        await repository.AddAsync(item, cancellationToken);
        await SaveAsync(cancellationToken);
        return item;
    }

    /// <summary>Replaces every field; <paramref name="expectedVersion"/> (from If-Match or a form) guards against lost updates.</summary>
    public async Task<MenuItem> ReplaceAsync(int id, MenuItemDetails details, int? expectedVersion, CancellationToken cancellationToken)
    {
        var item = await GetForChangeAsync(id, expectedVersion, cancellationToken);
        item.Replace(details, clock.GetUtcNow());
        await EnsureOptionGroupsExistAsync(item, cancellationToken);
        await EnsureTitleIsFreeAsync(item.Category, item.Title, item.Id, cancellationToken);
        await SaveAsync(cancellationToken);
        return item;
    }

    public async Task<MenuItem> SetAvailabilityAsync(int id, bool isAvailable, int? expectedVersion, CancellationToken cancellationToken)
    {
        var item = await GetForChangeAsync(id, expectedVersion, cancellationToken);
        item.SetAvailability(isAvailable, clock.GetUtcNow());
        await SaveAsync(cancellationToken);
        return item;
    }

    /// <summary>Removes the item from the menu; orders keep their own snapshot of its title and price.</summary>
    public async Task DeleteAsync(int id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var item = await GetForChangeAsync(id, expectedVersion, cancellationToken);
        repository.Remove(item);
        await SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await repository.SaveChangesAsync(cancellationToken);
        await notifier.MenuChangedAsync(cancellationToken);
    }

    private async Task<MenuItem> GetForChangeAsync(int id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var item = await GetAsync(id, cancellationToken);
        ConcurrencyException.ThrowIfStale($"Menu item {id}", expectedVersion, item.Version);
        return item;
    }

    /// <summary>Each group the item lists exists; an unknown code fails with its place (<c>optionGroupCodes[1]</c>).</summary>
    private async Task EnsureOptionGroupsExistAsync(MenuItem item, CancellationToken cancellationToken)
    {
        if (item.OptionGroupCodes.Count == 0)
        {
            return;
        }

        var catalog = new OptionCatalog(await optionGroups.ListAllAsync(cancellationToken));
        for (var i = 0; i < item.OptionGroupCodes.Count; i++)
        {
            if (catalog.Find(item.OptionGroupCodes[i]) is null)
            {
                var key = FieldKey.Of(nameof(MenuItem.OptionGroupCodes)).At(i);
                throw new DomainValidationException(key, $"{key.Label}: there is no option group '{item.OptionGroupCodes[i]}'.");
            }
        }
    }

    private async Task EnsureTitleIsFreeAsync(MenuCategory category, string title, int? exceptId, CancellationToken cancellationToken)
    {
        if (await repository.TitleExistsAsync(category, title, exceptId, cancellationToken))
        {
            throw new ConflictException($"A {category.ToSlug()} item titled '{title}' already exists.");
        }
    }
}
