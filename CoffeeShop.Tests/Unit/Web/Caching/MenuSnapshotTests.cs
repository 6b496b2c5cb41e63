using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Caching;

namespace CoffeeShop.Tests.Unit.Web.Caching;

[Category(TestCategories.Unit)]
public sealed class MenuSnapshotTests
{
    private TestClock _clock = null!;
    private MenuSnapshot _snapshot = null!;
    private int _loads;

    [SetUp]
    public void SetUp()
    {
        _clock = new TestClock();
        _snapshot = new MenuSnapshot(_clock);
        _loads = 0;
    }

    [Test]
    public async Task GetAsync_Twice_LoadsTheMenuOnce()
    {
        await _snapshot.GetAsync(LoadAsync, CancellationToken.None);
        var menu = await _snapshot.GetAsync(LoadAsync, CancellationToken.None);

        Assert.That(_loads, Is.EqualTo(1));
        Assert.That(menu, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetAsync_AfterInvalidate_LoadsAgain()
    {
        await _snapshot.GetAsync(LoadAsync, CancellationToken.None);
        _snapshot.Invalidate();
        await _snapshot.GetAsync(LoadAsync, CancellationToken.None);

        Assert.That(_loads, Is.EqualTo(2));
    }

    [Test]
    public async Task GetAsync_AfterItsLifetime_LoadsAgain()
    {
        await _snapshot.GetAsync(LoadAsync, CancellationToken.None);
        _clock.Advance(MenuSnapshot.Lifetime);
        await _snapshot.GetAsync(LoadAsync, CancellationToken.None);

        Assert.That(_loads, Is.EqualTo(2));
    }

    [Test]
    public async Task GetAsync_WhenTheMenuChangesDuringTheLoad_DoesNotKeepTheStaleResult()
    {
        await _snapshot.GetAsync(
            async ct =>
            {
                var stale = await LoadAsync(ct);
                _snapshot.Invalidate(); // a write lands while the load is in flight
                return stale;
            },
            CancellationToken.None);
        await _snapshot.GetAsync(LoadAsync, CancellationToken.None);

        Assert.That(_loads, Is.EqualTo(2));
    }

    private Task<IReadOnlyList<MenuItem>> LoadAsync(CancellationToken cancellationToken)
    {
        _loads++;
        return Task.FromResult<IReadOnlyList<MenuItem>>([new MenuItemBuilder().Build()]);
    }
}
