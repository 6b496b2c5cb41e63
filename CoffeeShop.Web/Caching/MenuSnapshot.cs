using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Web.Caching;

/// <summary>
/// The whole menu in memory (items and option groups), for pricing orders without a query per order
/// (<see cref="CachedMenuItemRepository"/>, <see cref="CachedOptionGroupRepository"/>). <see cref="MenuChangeNotifier"/>
/// drops it on every menu write this instance makes; other instances' writes reach it within <see cref="Lifetime"/>, so
/// an order placed on another instance in those few seconds may be priced as the menu stood just before the change.
/// </summary>
public sealed class MenuSnapshot(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly Slot<IReadOnlyDictionary<int, MenuItem>> _items = new(clock);
    private readonly Slot<IReadOnlyList<OptionGroup>> _optionGroups = new(clock);

    public Task<IReadOnlyDictionary<int, MenuItem>> GetAsync(
        Func<CancellationToken, Task<IReadOnlyList<MenuItem>>> load, CancellationToken cancellationToken) =>
        _items.GetAsync(async ct => (await load(ct)).ToDictionary(m => m.Id), cancellationToken);

    public Task<IReadOnlyList<OptionGroup>> GetOptionGroupsAsync(
        Func<CancellationToken, Task<IReadOnlyList<OptionGroup>>> load, CancellationToken cancellationToken) =>
        _optionGroups.GetAsync(load, cancellationToken);

    public void Invalidate()
    {
        _items.Invalidate();
        _optionGroups.Invalidate();
    }

    /// <summary>One value kept for <see cref="Lifetime"/>, unless dropped first.</summary>
    private sealed class Slot<T>(TimeProvider clock)
        where T : class
    {
        private Entry? _entry;
        private long _generation;

        public async Task<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        {
            var entry = Volatile.Read(ref _entry);
            var now = clock.GetUtcNow();
            if (entry is not null && now < entry.Expires)
            {
                return entry.Value;
            }

            // A write during the load bumps the generation, and the (possibly stale) result is not kept.
            var generation = Interlocked.Read(ref _generation);
            var value = await load(cancellationToken);
            var fresh = new Entry(value, now + Lifetime);
            if (Interlocked.Read(ref _generation) == generation)
            {
                Interlocked.CompareExchange(ref _entry, fresh, entry);
            }

            return value;
        }

        public void Invalidate()
        {
            Interlocked.Increment(ref _generation);
            Volatile.Write(ref _entry, null);
        }

        private sealed record Entry(T Value, DateTimeOffset Expires);
    }
}
