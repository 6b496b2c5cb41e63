using CoffeeShop.Domain.Menu;
using GraphQL.DataLoader;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// Reads the menu items of every order line in a response together: each line's resolver asks for its item and
/// gets a deferred result; the executor resolves deferred results only after the whole level has been visited,
/// so the first one loads every id asked for so far in one read (<see cref="MenuService.FindManyAsync"/>). One per
/// request (scoped); the executor runs a request's fields one at a time, so no locking is needed.
/// </summary>
public sealed class MenuItemBatchLoader(MenuService menu)
{
    private readonly HashSet<int> _pending = [];
    private readonly Dictionary<int, MenuItem?> _loaded = [];

    public IDataLoaderResult<MenuItem?> Load(int id)
    {
        if (!_loaded.ContainsKey(id))
        {
            _pending.Add(id);
        }

        return new Pending(this, id);
    }

    private async Task<MenuItem?> GetAsync(int id, CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            var ids = _pending.ToList();
            _pending.Clear();
            foreach (var missing in ids)
            {
                _loaded[missing] = null;
            }

            foreach (var item in await menu.FindManyAsync(ids, cancellationToken))
            {
                _loaded[item.Id] = item;
            }
        }

        return _loaded.GetValueOrDefault(id);
    }

    private sealed class Pending(MenuItemBatchLoader loader, int id) : IDataLoaderResult<MenuItem?>
    {
        public Task<MenuItem?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(id, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
