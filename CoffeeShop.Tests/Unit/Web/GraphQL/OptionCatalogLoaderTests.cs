using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.GraphQL;
using Moq;

namespace CoffeeShop.Tests.Unit.Web.GraphQL;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OptionCatalogLoaderTests
{
    private Mock<IOptionGroupRepository> _groups = null!;
    private OptionCatalogLoader _loader = null!;

    [SetUp]
    public void SetUp()
    {
        _groups = new Mock<IOptionGroupRepository>(MockBehavior.Strict);
        _loader = new OptionCatalogLoader(new OptionGroupService(_groups.Object, Mock.Of<IMenuItemRepository>(), Mock.Of<IMenuChangeNotifier>(), new TestClock()));
    }

    [TearDown]
    public void TearDown() => _groups.VerifyNoOtherCalls();

    [Test]
    public async Task GetAsync_ManyTimesInOneRequest_ReadsTheGroupsOnce()
    {
        var milk = new OptionGroup("milk", new OptionGroupDetails("Milk", 1, 1, 1, [new MenuOption("whole-milk", "Whole milk", 0m, IsDefault: true)]), DateTimeOffset.UnixEpoch);
        _groups.Setup(g => g.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([milk]);

        var first = await _loader.GetAsync(CancellationToken.None);
        var second = await _loader.GetAsync(CancellationToken.None);

        Assert.That(second, Is.SameAs(first));
        Assert.That(first.Find("milk"), Is.SameAs(milk));
        _groups.Verify(g => g.ListAllAsync(It.IsAny<CancellationToken>()), Times.Once);
    }
}
