using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Menu.Options;

/// <summary>
/// The option-group use cases, shared by the admin pages and the API. A group is part of the menu (items show their
/// groups), so every saved change tells the menu's notifier.
/// </summary>
public sealed class OptionGroupService(
    IOptionGroupRepository groups,
    IMenuItemRepository menu,
    IMenuChangeNotifier notifier,
    TimeProvider clock)
{
    public Task<IReadOnlyList<OptionGroup>> ListAsync(CancellationToken cancellationToken) =>
        groups.ListAllAsync(cancellationToken);

    /// <summary>Every group, indexed for resolving items' groups and lines' options.</summary>
    public async Task<OptionCatalog> CatalogAsync(CancellationToken cancellationToken) =>
        new(await groups.ListAllAsync(cancellationToken));

    public async Task<OptionGroup> GetAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        return await groups.FindAsync(code, cancellationToken) ?? throw NotFoundException.For("Option group", code);
    }

    public async Task<OptionGroup> CreateAsync(string code, OptionGroupDetails details, CancellationToken cancellationToken)
    {
        var group = new OptionGroup(code, details, clock.GetUtcNow());
        var catalog = await CatalogAsync(cancellationToken);
        if (catalog.Find(group.Code) is not null)
        {
            throw new ConflictException($"An option group with code '{group.Code}' already exists.");
        }

        EnsureOptionCodesAreFree(group, catalog);
        await groups.AddAsync(group, cancellationToken);
        await SaveAsync(cancellationToken);
        return group;
    }

    /// <summary>Replaces everything but the code; <paramref name="expectedVersion"/> (If-Match, a form) guards against lost updates.</summary>
    public async Task<OptionGroup> ReplaceAsync(string code, OptionGroupDetails details, int? expectedVersion, CancellationToken cancellationToken)
    {
        var group = await GetForChangeAsync(code, expectedVersion, cancellationToken);
        group.Replace(details, clock.GetUtcNow());
        EnsureOptionCodesAreFree(group, await CatalogAsync(cancellationToken));
        await SaveAsync(cancellationToken);
        return group;
    }

    /// <summary>Deletes a group no item offers; orders keep their own snapshot of the options they took.</summary>
    public async Task DeleteAsync(string code, int? expectedVersion, CancellationToken cancellationToken)
    {
        var group = await GetForChangeAsync(code, expectedVersion, cancellationToken);
        if (await menu.AnyOffersOptionGroupAsync(group.Code, cancellationToken))
        {
            throw new ConflictException($"Option group '{group.Code}' is still offered by a menu item; take it off those items first.");
        }

        groups.Remove(group);
        await SaveAsync(cancellationToken);
    }

    private async Task<OptionGroup> GetForChangeAsync(string code, int? expectedVersion, CancellationToken cancellationToken)
    {
        var group = await GetAsync(code, cancellationToken);
        ConcurrencyException.ThrowIfStale($"Option group '{code}'", expectedVersion, group.Version);
        return group;
    }

    /// <summary>Option codes are unique across groups, so a line's option names exactly one group.</summary>
    private static void EnsureOptionCodesAreFree(OptionGroup group, OptionCatalog catalog)
    {
        foreach (var option in group.Options)
        {
            if (catalog.GroupOfOption(option.Code) is { } owner && owner.Code != group.Code)
            {
                throw new ConflictException($"Option code '{option.Code}' already belongs to option group '{owner.Code}'.");
            }
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await groups.SaveChangesAsync(cancellationToken);
        await notifier.MenuChangedAsync(cancellationToken);
    }
}
