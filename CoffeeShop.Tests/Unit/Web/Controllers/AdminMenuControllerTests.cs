using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Models.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Moq;
using static CoffeeShop.Tests.Unit.Domain.Menu.MenuWriteTestData;

namespace CoffeeShop.Tests.Unit.Web.Controllers;

/// <summary>AdminMenuController's results, with a real MenuService over mocked repository and notifier.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class AdminMenuControllerTests
{
    private static readonly IMapper Mapper = new MapperConfiguration(c => c.AddProfile<MenuProfile>()).CreateMapper();

    private Mock<IMenuItemRepository> _repository = null!;
    private Mock<IMenuChangeNotifier> _notifier = null!;
    private AdminMenuController _controller = null!;

    [SetUp]
    public void SetUp()
    {
        _repository = new Mock<IMenuItemRepository>();
        _notifier = new Mock<IMenuChangeNotifier>();
        var service = new MenuService(_repository.Object, Mock.Of<IOptionGroupRepository>(), _notifier.Object, TimeProvider.System);
        var groupRepository = new Mock<IOptionGroupRepository>();
        groupRepository.Setup(g => g.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var groups = new OptionGroupService(groupRepository.Object, _repository.Object, _notifier.Object, TimeProvider.System);
        _controller = new AdminMenuController(service, groups, Mapper)
        {
            TempData = new TempDataDictionary(new DefaultHttpContext(), Mock.Of<ITempDataProvider>()),
        };
    }

    [TearDown]
    public void TearDown() => _controller.Dispose();

    [Test]
    public async Task Create_ValidForm_SavesAndRedirectsToTheList()
    {
        var result = await _controller.Create(ValidForm("Honey Latte"), CancellationToken.None);

        Assert.That(result, Is.TypeOf<RedirectToActionResult>());
        Assert.That(((RedirectToActionResult)result).ActionName, Is.EqualTo(nameof(AdminMenuController.Index)));
        _repository.Verify(r => r.AddAsync(It.Is<MenuItem>(i => i.Title == "Honey Latte"), It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Create_InvalidModelState_ShowsTheFormAgainWithTheModelAndSavesNothing()
    {
        var form = ValidForm(string.Empty);
        _controller.ModelState.AddModelError(nameof(MenuItemFormViewModel.Title), "Enter a title.");

        var result = await _controller.Create(form, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ViewResult>());
        Assert.That(((ViewResult)result).Model, Is.SameAs(form));
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Create_DuplicateTitle_PutsTheErrorBesideTitle()
    {
        _repository.Setup(r => r.TitleExistsAsync(MenuCategory.Hot, "Latte", null, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _controller.Create(ValidForm("Latte"), CancellationToken.None);

        Assert.That(result, Is.TypeOf<ViewResult>());
        Assert.That(_controller.ModelState[nameof(MenuItemFormViewModel.Title)]?.Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Edit_StaleVersion_ShowsTheMessageAndTheCurrentValues()
    {
        var current = Item(id: 7, title: "Latte", version: 4, price: 5.10m);
        _repository.Setup(r => r.FindAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(current);
        var form = ValidForm("My Latte");
        form.Version = 3;

        var result = await _controller.Edit(7, form, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ViewResult>());
        var shown = (MenuItemFormViewModel)((ViewResult)result).Model!;
        Assert.Multiple(() =>
        {
            Assert.That(_controller.ModelState[string.Empty]?.Errors.Single().ErrorMessage, Is.EqualTo(AdminMenuController.ConcurrencyMessage));
            Assert.That(shown.Title, Is.EqualTo("Latte"));
            Assert.That(shown.Price, Is.EqualTo("5.10"));
            Assert.That(shown.Version, Is.EqualTo(4));
        });
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Edit_UnknownItem_ThrowsNotFound_WhichPageControllerShowsAsThe404Page() =>
        Assert.ThrowsAsync<NotFoundException>(() => _controller.Edit(404, ValidForm("Latte"), CancellationToken.None));

    [Test]
    public async Task Edit_BrokenInvariant_PutsTheDomainMessageBesideItsField()
    {
        _repository.Setup(r => r.FindAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(Item(id: 7));
        var form = ValidForm("Latte");
        form.Category = (MenuCategory)9;

        var result = await _controller.Edit(7, form, CancellationToken.None);

        Assert.That(result, Is.TypeOf<ViewResult>());
        Assert.That(_controller.ModelState[nameof(MenuItemFormViewModel.Category)]?.Errors, Has.Count.EqualTo(1));
    }

    private static MenuItemFormViewModel ValidForm(string title) => new()
    {
        Title = title,
        Category = MenuCategory.Hot,
        Description = "A test drink.",
        Ingredients = "Espresso\nMilk",
        Price = "3.90",
        IsAvailable = true,
        Version = 1,
    };
}
