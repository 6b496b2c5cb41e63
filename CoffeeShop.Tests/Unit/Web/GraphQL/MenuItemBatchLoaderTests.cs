using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.GraphQL;
using Moq;

namespace CoffeeShop.Tests.Unit.Web.GraphQL;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MenuItemBatchLoaderTests
{
    private Mock<IMenuItemRepository> _repository = null!;
    private MenuItemBatchLoader _loader = null!;

    [SetUp]
    public void SetUp()
    {
        _repository = new Mock<IMenuItemRepository>(MockBehavior.Strict);
        _loader = new MenuItemBatchLoader(new MenuService(_repository.Object, Mock.Of<IOptionGroupRepository>(), Mock.Of<IMenuChangeNotifier>(), new TestClock()));
    }

    [TearDown]
    public void TearDown() => _repository.VerifyNoOtherCalls();

    [Test]
    public async Task Load_ManyIdsBeforeTheFirstResult_ReadsThemInOneCall()
    {
        var latte = new MenuItemBuilder().WithId(2).Build();
        var mocha = new MenuItemBuilder().WithId(5).Build();
        _repository
            .Setup(r => r.FindManyAsync(It.Is<IReadOnlyCollection<int>>(ids => ids.Order().SequenceEqual(new[] { 2, 5, 9 })), It.IsAny<CancellationToken>()))
            .ReturnsAsync([latte, mocha]);

        var results = new[] { _loader.Load(2), _loader.Load(5), _loader.Load(2), _loader.Load(9) };
        var items = new List<MenuItem?>();
        foreach (var result in results)
        {
            items.Add(await result.GetResultAsync());
        }

        Assert.That(items, Is.EqualTo(new MenuItem?[] { latte, mocha, latte, null }), "a missing item is null");
        _repository.Verify(r => r.FindManyAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Load_AnIdAlreadyRead_IsNotReadAgain()
    {
        var latte = new MenuItemBuilder().WithId(2).Build();
        _repository.Setup(r => r.FindManyAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>())).ReturnsAsync([latte]);
        await _loader.Load(2).GetResultAsync();

        var again = await _loader.Load(2).GetResultAsync();

        Assert.That(again, Is.SameAs(latte));
        _repository.Verify(r => r.FindManyAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
