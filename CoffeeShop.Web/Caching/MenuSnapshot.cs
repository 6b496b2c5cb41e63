using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Web.Caching;

/// <summary>
/// The whole menu in memory, for pricing orders without a query per order (<see cref="CachedMenuItemRepository"/>).
/// <see cref="MenuChangeNotifier"/> drops it on every menu write this instance makes; other instances' writes reach it
/// within <see cref="Lifetime"/>, so an order placed on another instance in those few seconds may be priced as the
/// menu stood just before the change.
/// </summary>
public sealed class MenuSnapshot(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private Entry? _entry;
    private long _generation;

    public async Task<IReadOnlyDictionary<int, MenuItem>> GetAsync(
        Func<CancellationToken, Task<IReadOnlyList<MenuItem>>> load, CancellationToken cancellationToken)
    {
        var entry = Volatile.Read(ref _entry);
        var now = clock.GetUtcNow();
        if (entry is not null && now < entry.Expires)
        {
            return entry.Items;
        }

        // A write during the load bumps the generation, and the (possibly stale) result is not kept.
        var generation = Interlocked.Read(ref _generation);
        var items = (await load(cancellationToken)).ToDictionary(m => m.Id);
        var fresh = new Entry(items, now + Lifetime);
        if (Interlocked.Read(ref _generation) == generation)
        {
            Interlocked.CompareExchange(ref _entry, fresh, entry);
        }

        return items;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    private sealed record Entry(IReadOnlyDictionary<int, MenuItem> Items, DateTimeOffset Expires);
}
