using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.Unit.Domain.Orders;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Models.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Moq;

namespace CoffeeShop.Tests.Unit.Web.Controllers;

/// <summary>AdminOptionGroupsController's results, with a real OptionGroupService over mocked repositories.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class AdminOptionGroupsControllerTests
{
    private Mock<IOptionGroupRepository> _groups = null!;
    private Mock<IMenuItemRepository> _menu = null!;
    private AdminOptionGroupsController _controller = null!;

    [SetUp]
    public void SetUp()
    {
        _groups = new Mock<IOptionGroupRepository>();
        _groups.Setup(g => g.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([DrinkTestData.Milk()]);
        _groups.Setup(g => g.FindAsync("milk", It.IsAny<CancellationToken>())).ReturnsAsync(DrinkTestData.Milk());
        _menu = new Mock<IMenuItemRepository>();
        var service = new OptionGroupService(_groups.Object, _menu.Object, Mock.Of<IMenuChangeNotifier>(), TimeProvider.System);
        _controller = new AdminOptionGroupsController(service)
        {
            TempData = new TempDataDictionary(new DefaultHttpContext(), Mock.Of<ITempDataProvider>()),
        };
    }

    [TearDown]
    public void TearDown() => _controller.Dispose();

    [Test]
    public async Task Create_ValidForm_SavesWithoutTheBlankRowsAndRedirects()
    {
        var form = Form("toppings", Option("cocoa", "Cocoa", "0.20"), new OptionGroupFormOption());

        var result = await _controller.Create(form, CancellationToken.None);

        Assert.That(result, Is.InstanceOf<RedirectToActionResult>());
        _groups.Verify(g => g.AddAsync(It.Is<OptionGroup>(o => o.Code == "toppings" && o.Options.Count == 1 && o.Options[0].PriceDelta == 0.20m), It.IsAny<CancellationToken>()), Times.Once);
        _groups.Verify(g => g.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Create_BrokenRule_ShowsTheFormWithTheMessageBesideTheOptionAndSavesNothing()
    {
        var form = Form("toppings", Option("gold", "Gold", "12.00"));

        var result = await _controller.Create(form, CancellationToken.None);

        Assert.That(result, Is.InstanceOf<ViewResult>());
        Assert.That(_controller.ModelState["Options[0].PriceDelta"]?.Errors, Has.Count.EqualTo(1));
        Assert.That(form.Options, Has.Count.EqualTo(1 + OptionGroupFormViewModel.BlankRows), "blank rows offered again");
        _groups.Verify(g => g.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Create_ExistingCode_PutsTheConflictBesideTheCode()
    {
        var result = await _controller.Create(Form("milk", Option("goat-milk", "Goat milk", "0.60")), CancellationToken.None);

        Assert.That(result, Is.InstanceOf<ViewResult>());
        Assert.That(_controller.ModelState[nameof(OptionGroupFormViewModel.Code)]?.Errors.Single().ErrorMessage, Does.Contain("already exists"));
    }

    [Test]
    public async Task DeleteConfirmed_GroupStillOffered_ShowsTheDeletePageWithTheConflictAndRemovesNothing()
    {
        _menu.Setup(m => m.AnyOffersOptionGroupAsync("milk", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await _controller.DeleteConfirmed("milk", DrinkTestData.Milk().Version, CancellationToken.None);

        Assert.That(result, Is.InstanceOf<ViewResult>());
        Assert.That(((ViewResult)result).ViewName, Is.EqualTo(nameof(AdminOptionGroupsController.Delete)));
        Assert.That(_controller.ModelState[string.Empty]?.Errors.Single().ErrorMessage, Does.Contain("still offered"));
        _groups.Verify(g => g.Remove(It.IsAny<OptionGroup>()), Times.Never);
    }

    [Test]
    public async Task DeleteConfirmed_StaleVersion_ShowsTheConcurrencyMessage()
    {
        var result = await _controller.DeleteConfirmed("milk", DrinkTestData.Milk().Version + 1, CancellationToken.None);

        Assert.That(result, Is.InstanceOf<ViewResult>());
        Assert.That(_controller.ModelState[string.Empty]?.Errors.Single().ErrorMessage, Is.EqualTo(AdminOptionGroupsController.DeleteConcurrencyMessage));
    }

    private static OptionGroupFormOption Option(string code, string name, string priceDelta) =>
        new() { Code = code, Name = name, PriceDelta = priceDelta };

    private static OptionGroupFormViewModel Form(string code, params OptionGroupFormOption[] options) => new()
    {
        Code = code,
        Name = "Test " + code,
        MinSelected = 0,
        MaxSelected = 1,
        MaxQuantity = 1,
        Options = [.. options],
    };
}
