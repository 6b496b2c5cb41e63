using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.Unit.Domain.Orders;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Models.Orders;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using static CoffeeShop.Tests.Unit.Domain.Orders.OrderTestData;

namespace CoffeeShop.Tests.Unit.Web.Controllers;

/// <summary>The order form's actions over the real ordering and menu services, with their repositories mocked.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OrderControllerTests
{
    private const string GeneratedCode = "generated-code-0123456";
    private const string FormKey = "0123456789abcdef0123456789abcdef";

    private Mock<IOrderRepository> _orders = null!;
    private Mock<IMenuItemRepository> _menu = null!;
    private Mock<IOrderCodeGenerator> _codes = null!;
    private Mock<IOptionGroupRepository> _groups = null!;
    private OrderController _controller = null!;

    [SetUp]
    public void SetUp()
    {
        _orders = new Mock<IOrderRepository>();
        _menu = new Mock<IMenuItemRepository>();
        _codes = new Mock<IOrderCodeGenerator>();
        _codes.Setup(c => c.NewCode()).Returns(GeneratedCode);
        _groups = new Mock<IOptionGroupRepository>();
        _groups.Setup(g => g.ListAllAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([DrinkTestData.Milk(), DrinkTestData.Shots(), DrinkTestData.Syrups()]);
        var clock = new TestClock();
        _controller = new OrderController(
            new OrderingService(_orders.Object, _menu.Object, _groups.Object, _codes.Object, clock),
            new MenuService(_menu.Object, Mock.Of<IOptionGroupRepository>(), Mock.Of<IMenuChangeNotifier>(), clock),
            new OptionGroupService(_groups.Object, _menu.Object, Mock.Of<IMenuChangeNotifier>(), clock),
            Mock.Of<ICurrentUser>(),
            Mappers.Create())
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() },
        };
    }

    [TearDown]
    public void TearDown() => _controller.Dispose();

    [Test]
    public async Task Create_ValidPost_RedirectsToStatusWithTheNewOrdersCode()
    {
        GivenMenu(MenuItem(1, "Latte", 3.90m), MenuItem(2, "Mocha", 4.40m));

        var result = await _controller.Create(Form(("Ann", "oat milk"), (1, 0), (2, 2)), CancellationToken.None);

        Assert.That(result, Is.InstanceOf<RedirectToActionResult>());
        var redirect = (RedirectToActionResult)result;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(redirect.ActionName, Is.EqualTo(nameof(OrderController.Status)));
            Assert.That(redirect.ControllerName, Is.Null, "the same controller");
            Assert.That(redirect.RouteValues?["code"], Is.EqualTo(GeneratedCode));
        }

        _orders.Verify(
            r => r.AddAsync(
                It.Is<Order>(o => o.CustomerName == "Ann" && o.Notes == "oat milk" && o.CustomerId == null
                    && o.Lines.Count == 1 && o.Lines[0].MenuItemId == 2 && o.Lines[0].Quantity == 2 && o.Lines[0].UnitPrice == 4.40m),
                It.Is<IdempotentRequest>(i => i.Scope == "form" && i.Key == FormKey),
                It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public async Task Create_FormPostedAgainWithTheSameChoices_RedirectsToTheFirstOrder()
    {
        GivenMenu(MenuItem(1));
        IdempotentRequest? recorded = null;
        _orders.Setup(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest>(), It.IsAny<CancellationToken>()))
            .Callback((Order order, IdempotentRequest? request, CancellationToken _) =>
            {
                recorded = request ?? throw new AssertionException("the form post carries an idempotency key");
                _orders.Setup(r => r.FindByIdempotencyKeyAsync(recorded.Scope, recorded.Key, It.IsAny<CancellationToken>()))
                    .ReturnsAsync((recorded.RequestHash, order));
            });
        await _controller.Create(Form(("Ann", null), (1, 1)), CancellationToken.None);

        var result = await _controller.Create(Form(("Ann", null), (1, 1)), CancellationToken.None);

        Assert.That(recorded, Is.Not.Null);
        Assert.That(result, Is.InstanceOf<RedirectToActionResult>());
        Assert.That(((RedirectToActionResult)result).RouteValues?["code"], Is.EqualTo(GeneratedCode));
        _orders.Verify(
            r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest>(), It.IsAny<CancellationToken>()), Times.Once, "only the first post adds an order");
    }

    [Test]
    public async Task Create_InvalidModelState_ReturnsTheViewWithTheModelAndPlacesNothing()
    {
        GivenMenu(MenuItem(1, "Latte"));
        var form = Form((string.Empty, null), (1, 1));
        _controller.ModelState.AddModelError(nameof(OrderFormViewModel.CustomerName), "Tell us the name to call out.");

        var result = await _controller.Create(form, CancellationToken.None);

        var view = View(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(view.Model, Is.SameAs(form));
            Assert.That(form.Lines.Single(l => l.MenuItemId == 1).Quantity, Is.EqualTo(1), "the chosen quantity is kept");
            Assert.That(form.Lines.Single(l => l.MenuItemId == 1).Title, Is.EqualTo("Latte"), "the menu is laid out again");
            Assert.That(_controller.ModelState[nameof(OrderFormViewModel.CustomerName)]?.Errors, Has.Count.EqualTo(1));
        }

        VerifyNothingPlaced();
    }

    [Test]
    public async Task Create_NoDrinkChosen_ReturnsTheViewWithAnErrorOnLines()
    {
        GivenMenu(MenuItem(1));

        var result = await _controller.Create(Form(("Ann", null), (1, 0)), CancellationToken.None);

        View(result);
        Assert.That(ErrorsOf(nameof(OrderFormViewModel.Lines)), Is.EqualTo(new[] { "Choose at least one drink." }));
        VerifyNothingPlaced();
    }

    [Test]
    public async Task Create_DomainErrorOnALine_LandsOnTheQuantityFieldOfThatDrink()
    {
        // The posted rows (5, then 2) are not where the live menu puts them (1, 2, 5): the error must follow the drink.
        GivenMenu(MenuItem(1), MenuItem(2, "Mocha"), MenuItem(5));

        var result = await _controller.Create(Form(("Ann", null), (5, 0), (2, 21)), CancellationToken.None);

        var model = (OrderFormViewModel)View(result).Model!;
        var mochaRow = model.Lines.FindIndex(l => l.MenuItemId == 2);
        Assert.That(mochaRow, Is.EqualTo(1));
        Assert.That(ErrorsOf($"Lines[{mochaRow}].Quantity"), Has.One.Contains("between 1 and 20"));
        Assert.That(_controller.ModelState.Keys.Where(k => _controller.ModelState[k]!.Errors.Count > 0), Is.EqualTo(new[] { "Lines[1].Quantity" }));
        VerifyNothingPlaced();
    }

    [Test]
    public async Task Create_DrinkNoLongerOnTheMenu_ShowsTheErrorOnTheDrinksListNamingIt()
    {
        _menu.Setup(m => m.FindManyAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([MenuItem(1), MenuItem(2, "Nitro", isAvailable: false)]);
        GivenLiveMenu(MenuItem(1));

        var result = await _controller.Create(Form(("Ann", null), (1, 1), (2, 1)), CancellationToken.None);

        var model = (OrderFormViewModel)View(result).Model!;
        Assert.That(model.Lines.Select(l => l.MenuItemId), Is.EqualTo(new[] { 1 }), "the unavailable drink is not offered again");
        Assert.That(ErrorsOf(nameof(OrderFormViewModel.Lines)), Has.One.Contains("Nitro").And.Contains("not available"));
        VerifyNothingPlaced();
    }

    [Test]
    public async Task Create_FormKeyUsedForOtherChoices_IssuesANewKeyAndAsksToSubmitAgain()
    {
        GivenMenu(MenuItem(1));
        _orders.Setup(r => r.FindByIdempotencyKeyAsync("form", FormKey, It.IsAny<CancellationToken>()))
            .ReturnsAsync(("another-hash", Order()));

        var result = await _controller.Create(Form(("Ann", null), (1, 1)), CancellationToken.None);

        var model = (OrderFormViewModel)View(result).Model!;
        Assert.That(model.IdempotencyKey, Is.Not.EqualTo(FormKey).And.Not.Empty);
        Assert.That(ErrorsOf(string.Empty), Has.One.Contains("already used"));
        VerifyNothingPlaced();
    }

    [Test]
    public async Task Create_UpdateTotal_ShowsTheDomainsLinePricesAndTotalAndPlacesNothing()
    {
        GivenMenu(DrinkTestData.Black(1), DrinkTestData.Latte(2));
        var form = Form(("Ann", null), (1, 1), (2, 1));
        form.Command = OrderFormViewModel.UpdateCommand;
        form.Lines[0].Size = "small";
        form.Lines[1].Size = "large";
        form.Lines[1].Options = [Slot("oat-milk"), Slot("extra-shot", 2), Slot("vanilla-syrup")];

        var model = (OrderFormViewModel)View(await _controller.Create(form, CancellationToken.None)).Model!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Lines.Select(l => l.LineTotal), Is.EqualTo(new decimal?[] { 2.10m, 6.80m }));
            Assert.That(model.Total, Is.EqualTo(8.90m));
            Assert.That(model.Lines[1].Options.Where(o => o.Quantity > 0 && !string.IsNullOrEmpty(o.Code)).Select(o => (o.Code, o.Quantity)),
                Is.EqualTo(new[] { ("oat-milk", 1), ("extra-shot", 2), ("vanilla-syrup", 1) }), "the choices laid out again in the drink's slots");
        }

        VerifyNothingPlaced();
    }

    [Test]
    public async Task Create_AddLine_PutsAnotherRowOfThatDrinkJustBelowAndPlacesNothing()
    {
        GivenMenu(DrinkTestData.Black(1), DrinkTestData.Latte(2));
        var form = Form(("Ann", null), (1, 0), (2, 1));
        form.AddLine = 1;

        var model = (OrderFormViewModel)View(await _controller.Create(form, CancellationToken.None)).Model!;

        Assert.That(model.Lines.Select(l => (l.MenuItemId, l.Quantity)), Is.EqualTo(new[] { (1, 0), (2, 1), (2, 1) }));
        VerifyNothingPlaced();
    }

    [Test]
    public async Task Create_OptionTheDrinkDoesNotOffer_LandsBesideThatRowsOptions()
    {
        GivenMenu(DrinkTestData.Black(1), DrinkTestData.Latte(2));
        var form = Form(("Ann", null), (2, 0), (1, 1));
        form.Lines[1].Options = [Slot("oat-milk")];

        var model = (OrderFormViewModel)View(await _controller.Create(form, CancellationToken.None)).Model!;

        var blackRow = model.Lines.FindIndex(l => l.MenuItemId == 1);
        Assert.That(ErrorsOf($"Lines[{blackRow}].Options"), Has.One.Contains("does not offer Milk"));
        VerifyNothingPlaced();
    }

    [Test]
    public async Task Create_TooManyOfAnOption_LandsBesideThatOptionsQuantity()
    {
        GivenMenu(DrinkTestData.Latte(2));
        var form = Form(("Ann", null), (2, 1));
        form.Lines[0].Options = [Slot("extra-shot", 4)];

        var model = (OrderFormViewModel)View(await _controller.Create(form, CancellationToken.None)).Model!;

        var shotSlot = model.Lines[0].Options.FindIndex(o => o.Code == "extra-shot");
        Assert.That(ErrorsOf($"Lines[0].Options[{shotSlot}].Quantity"), Has.One.Contains("1 to 3 times"));
        VerifyNothingPlaced();
    }

    [Test]
    public void Status_UnknownCode_ThrowsNotFound_WhichPageControllerShowsAsThe404Page()
    {
        Assert.ThrowsAsync<NotFoundException>(() => _controller.Status("no-such-code", CancellationToken.None));

        _orders.Verify(r => r.FindByCodeAsync("no-such-code", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Status_KnownCode_ReturnsTheViewWithTheMappedOrder()
    {
        var order = Order(lines: [Line(1, 2, 3.90m, "Latte")], customerName: "Ann");
        _orders.Setup(r => r.FindByCodeAsync(Code, It.IsAny<CancellationToken>())).ReturnsAsync(order);

        var result = await _controller.Status(Code, CancellationToken.None);

        var model = (OrderViewModel)View(result).Model!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.Code, Is.EqualTo(Code));
            Assert.That(model.Status, Is.EqualTo("Pending"));
            Assert.That(model.Total, Is.EqualTo(7.80m));
            Assert.That(model.CanCancel, Is.True);
        }
    }

    /// <summary>The live menu (for laying out the form) and the same items for the service's availability check.</summary>
    private void GivenMenu(params MenuItem[] items)
    {
        _menu.Setup(m => m.FindManyAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<int> ids, CancellationToken _) => items.Where(i => ids.Contains(i.Id)).ToList());
        GivenLiveMenu(items);
    }

    private void GivenLiveMenu(params MenuItem[] items) =>
        _menu.Setup(m => m.ListAsync(It.Is<MenuItemQuery>(q => q.Available == true), It.IsAny<CancellationToken>()))
            .ReturnsAsync((MenuItemQuery q, CancellationToken _) => new PagedResult<MenuItem>(items, q.Page, q.PageSize, items.Length));

    private static OrderFormViewModel Form((string Name, string? Notes) who, params (int MenuItemId, int Quantity)[] rows) => new()
    {
        CustomerName = who.Name,
        Notes = who.Notes,
        IdempotencyKey = FormKey,
        Lines = [.. rows.Select(r => new OrderFormLine { MenuItemId = r.MenuItemId, Quantity = r.Quantity })],
    };

    private static OrderFormOption Slot(string code, int quantity = 1) => new() { Code = code, Quantity = quantity };

    private IEnumerable<string> ErrorsOf(string key) =>
        _controller.ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    private static ViewResult View(IActionResult result)
    {
        Assert.That(result, Is.InstanceOf<ViewResult>());
        var view = (ViewResult)result;
        Assert.That(view.ViewName, Is.Null, "the action's own view");
        Assert.That(view.Model, Is.InstanceOf<OrderFormViewModel>().Or.InstanceOf<OrderViewModel>());
        return view;
    }

    private void VerifyNothingPlaced()
    {
        _orders.Verify(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _orders.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
