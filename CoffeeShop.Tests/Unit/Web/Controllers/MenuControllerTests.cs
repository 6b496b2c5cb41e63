using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Models.Menu;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace CoffeeShop.Tests.Unit.Web.Controllers;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MenuControllerTests
{
    private Mock<IMenuItemRepository> _repository = null!;
    private MenuController _controller = null!;

    [SetUp]
    public void SetUp()
    {
        _repository = new Mock<IMenuItemRepository>(MockBehavior.Strict);
        _controller = new MenuController(
            new MenuService(_repository.Object, Mock.Of<IOptionGroupRepository>(), Mock.Of<IMenuChangeNotifier>(), new TestClock()),
            new OptionGroupService(Mock.Of<IOptionGroupRepository>(), _repository.Object, Mock.Of<IMenuChangeNotifier>(), new TestClock()),
            Mappers.Create());
    }

    [TearDown]
    public void TearDown()
    {
        _controller.Dispose();
        _repository.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Index_IcedCategory_ListsIcedItemsIntoTheIndexViewModel()
    {
        var coldBrew = new MenuItemBuilder().Iced().WithId(20).WithTitle("Cold Brew").Build();
        SetupList(MenuCategory.Iced, coldBrew);

        var result = await _controller.Index("iced", search: null, CancellationToken.None);

        var model = ViewModel<MenuIndexViewModel>(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Category, Is.EqualTo("iced"));
            Assert.That(model.Search, Is.Null);
            Assert.That(model.Items.Select(i => (i.Id, i.Title, i.Category)), Is.EqualTo(new[] { (20, "Cold Brew", "iced") }));
        }

        _repository.Verify(r => r.ListAsync(It.Is<MenuItemQuery>(q => q.Category == MenuCategory.Iced), It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase(null)]
    [TestCase("tea")]
    [TestCase("")]
    public async Task Index_MissingOrUnknownCategory_ShowsTheWholeMenu(string? category)
    {
        SetupList(null, new MenuItemBuilder().WithId(1).WithTitle("Black").Build());

        var result = await _controller.Index(category, search: null, CancellationToken.None);

        Assert.That(ViewModel<MenuIndexViewModel>(result).Category, Is.EqualTo(MenuIndexViewModel.AllCategories));
        _repository.Verify(r => r.ListAsync(It.Is<MenuItemQuery>(q => q.Category == null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Index_SearchWithSpaces_PassesTrimmedSearchToServiceAndModel()
    {
        SetupList(MenuCategory.Hot);

        var result = await _controller.Index("hot", "  milk ", CancellationToken.None);

        Assert.That(ViewModel<MenuIndexViewModel>(result).Search, Is.EqualTo("milk"));
        _repository.Verify(r => r.ListAsync(It.Is<MenuItemQuery>(q => q.Search == "milk"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Index_OverlongSearch_IsCutToTheMaximumLength()
    {
        SetupList(MenuCategory.Hot);

        var result = await _controller.Index("hot", new string('x', MenuItemQuery.SearchMaxLength + 50), CancellationToken.None);

        Assert.That(ViewModel<MenuIndexViewModel>(result).Search, Has.Length.EqualTo(MenuItemQuery.SearchMaxLength));
        _repository.Verify(r => r.ListAsync(It.IsAny<MenuItemQuery>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Details_ExistingId_ReturnsViewWithMappedItem()
    {
        var latte = new MenuItemBuilder()
            .WithId(2)
            .WithTitle("Latte")
            .WithDescription("Milky.")
            .WithIngredients("Espresso", "Steamed milk")
            .WithImage("/images/menu/latte.svg")
            .WithPrice(3.90m)
            .Build();
        _repository.Setup(r => r.FindAsync(2, It.IsAny<CancellationToken>())).ReturnsAsync(latte);

        var result = await _controller.Details(2, CancellationToken.None);

        var model = ViewModel<MenuItemViewModel>(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Id, Is.EqualTo(2));
            Assert.That(model.Category, Is.EqualTo("hot"));
            Assert.That(model.Title, Is.EqualTo("Latte"));
            Assert.That(model.Description, Is.EqualTo("Milky."));
            Assert.That(model.Ingredients, Is.EqualTo(new[] { "Espresso", "Steamed milk" }));
            Assert.That(model.Image, Is.EqualTo("/images/menu/latte.svg"));
            Assert.That(model.Price, Is.EqualTo(3.90m));
            Assert.That(model.IsAvailable, Is.True);
        }

        _repository.Verify(r => r.FindAsync(2, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Details_MissingId_ThrowsNotFound_WhichPageControllerShowsAsThe404Page()
    {
        _repository.Setup(r => r.FindAsync(404, It.IsAny<CancellationToken>())).ReturnsAsync((MenuItem?)null);

        Assert.ThrowsAsync<NotFoundException>(() => _controller.Details(404, CancellationToken.None));

        _repository.Verify(r => r.FindAsync(404, It.IsAny<CancellationToken>()), Times.Once);
    }

    private void SetupList(MenuCategory? category, params MenuItem[] items) =>
        _repository
            .Setup(r => r.ListAsync(It.Is<MenuItemQuery>(q => q.Category == category), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MenuItemQuery q, CancellationToken _) => new PagedResult<MenuItem>(items, q.Page, q.PageSize, items.Length));

    private static T ViewModel<T>(IActionResult result)
    {
        Assert.That(result, Is.InstanceOf<ViewResult>());
        var view = (ViewResult)result;
        Assert.That(view.ViewName, Is.Null, "the action's own view");
        Assert.That(view.Model, Is.InstanceOf<T>());
        return (T)view.Model!;
    }
}
