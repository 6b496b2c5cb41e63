using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Moq;

namespace CoffeeShop.Tests.Unit.Web.Caching;

[Category(TestCategories.Unit)]
public sealed class CachedMenuItemRepositoryTests
{
    private Mock<IMenuItemRepository> _inner = null!;
    private Mock<IOutputCacheStore> _outputCache = null!;
    private MenuSnapshot _snapshot = null!;
    private CachedMenuItemRepository _repository = null!;
    private MenuItem _latte = null!;

    [SetUp]
    public void SetUp()
    {
        _latte = new MenuItemBuilder().WithId(3).Build();
        _inner = new Mock<IMenuItemRepository>();
        _inner.Setup(r => r.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([_latte]);
        _outputCache = new Mock<IOutputCacheStore>();
        _snapshot = new MenuSnapshot(new TestClock());
        _repository = new CachedMenuItemRepository(_inner.Object, _snapshot);
    }

    [Test]
    public async Task FindManyAsync_Twice_ReadsTheWholeMenuOnce_AndNeverAsksForTheIds()
    {
        await _repository.FindManyAsync([3], CancellationToken.None);
        var found = await _repository.FindManyAsync([3, 99], CancellationToken.None);

        Assert.That(found, Is.EqualTo(new[] { _latte }));
        _inner.Verify(r => r.ListAllAsync(It.IsAny<CancellationToken>()), Times.Once);
        _inner.Verify(r => r.FindManyAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task AMenuChange_DropsTheSnapshotAndTheOutputCache_InOneCall()
    {
        await _repository.FindManyAsync([3], CancellationToken.None);

        await new MenuChangeNotifier(new MenuCopies(_outputCache.Object, _snapshot), []).MenuChangedAsync(CancellationToken.None);
        await _repository.FindManyAsync([3], CancellationToken.None);

        _inner.Verify(r => r.ListAllAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
        _outputCache.Verify(s => s.EvictByTagAsync(MenuCache.Tag, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task AMenuChange_IsBroadcastToTheOtherInstances_AfterThisOnesCopiesAreDropped()
    {
        var broadcast = new Mock<IMenuChangeBroadcast>();
        broadcast.Setup(b => b.PublishAsync(It.IsAny<CancellationToken>()))
            .Callback(() => _outputCache.Verify(s => s.EvictByTagAsync(MenuCache.Tag, It.IsAny<CancellationToken>()), Times.Once))
            .Returns(Task.CompletedTask);

        await new MenuChangeNotifier(new MenuCopies(_outputCache.Object, _snapshot), [broadcast.Object]).MenuChangedAsync(CancellationToken.None);

        broadcast.Verify(b => b.PublishAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task OtherReads_GoToTheRepository()
    {
        _inner.Setup(r => r.FindAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(_latte);

        Assert.That(await _repository.FindAsync(3, CancellationToken.None), Is.SameAs(_latte));
        await _repository.FindAsync(3, CancellationToken.None);

        _inner.Verify(r => r.FindAsync(3, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
