using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// The option groups, read once per request (scoped) however many menu items ask for their groups: the first field
/// that needs them reads the <see cref="OptionCatalog"/>, every other one reuses it. The executor runs a request's
/// fields one at a time, so no locking is needed.
/// </summary>
public sealed class OptionCatalogLoader(OptionGroupService optionGroups)
{
    private Task<OptionCatalog>? _catalog;

    public Task<OptionCatalog> GetAsync(CancellationToken cancellationToken) =>
        _catalog ??= optionGroups.CatalogAsync(cancellationToken);
}
