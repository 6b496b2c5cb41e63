using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using Moq;
using static CoffeeShop.Tests.Unit.Domain.Orders.OrderTestData;

namespace CoffeeShop.Tests.Unit.Domain.Orders;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OrderingServiceTests
{
    private const string GeneratedCode = "generated-code-0123456";
    private const string Scope = "api:user-1";
    private const string Key = "key-1";
    private static readonly DateTimeOffset Now = PlacedAt.AddHours(1);

    private Mock<IOrderRepository> _orders = null!;
    private Mock<IMenuItemRepository> _menu = null!;
    private Mock<IOptionGroupRepository> _optionGroups = null!;
    private Mock<IOrderCodeGenerator> _codes = null!;
    private Mock<TimeProvider> _clock = null!;
    private Mock<IOrderEvents> _events = null!;
    private OrderingService _service = null!;

    [SetUp]
    public void SetUp()
    {
        _orders = new Mock<IOrderRepository>();
        _menu = new Mock<IMenuItemRepository>();
        _optionGroups = new Mock<IOptionGroupRepository>();
        _optionGroups.Setup(g => g.ListAllAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([DrinkTestData.Milk(), DrinkTestData.Shots(), DrinkTestData.Syrups()]);
        _codes = new Mock<IOrderCodeGenerator>();
        _clock = new Mock<TimeProvider>();
        _events = new Mock<IOrderEvents>();
        _codes.Setup(c => c.NewCode()).Returns(GeneratedCode);
        _clock.Setup(c => c.GetUtcNow()).Returns(Now);
        _service = new OrderingService(_orders.Object, _menu.Object, _optionGroups.Object, _codes.Object, _clock.Object, _events.Object);
    }

    [Test]
    public async Task PlaceAsync_AvailableItems_SavesPendingOrderWithSnapshotsAndGeneratedCode()
    {
        GivenMenu(MenuItem(1, "Latte", 3.50m), MenuItem(2, "Mocha", 4.25m));

        var order = await _service.PlaceAsync(Request((1, 2), (2, 1)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(order.Code, Is.EqualTo(GeneratedCode));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.CreatedAt, Is.EqualTo(Now));
            Assert.That(order.Lines.Select(l => (l.MenuItemId, l.Title, l.UnitPrice, l.Quantity)),
                Is.EqualTo(new[] { (1, "Latte", 3.50m, 2), (2, "Mocha", 4.25m, 1) }));
            Assert.That(order.Total, Is.EqualTo(11.25m));
        });
        _orders.Verify(r => r.AddAsync(order, null, It.IsAny<CancellationToken>()), Times.Once);
        _orders.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never, "AddAsync saves the new order");
    }

    [Test]
    public async Task PlaceAsync_LargeOatLatteWithShotsAndSyrupAndASmallBlack_PricesEachLineFromItsSizeAndOptions()
    {
        GivenMenu(DrinkTestData.Black(1), DrinkTestData.Latte(2));
        var request = new OrderRequest("Ann", null, null,
        [
            DrinkTestData.LineRequest(2, 1, "large", ("oat-milk", 1), ("extra-shot", 2), ("vanilla-syrup", 1)),
            DrinkTestData.LineRequest(1, 1, "small"),
        ]);

        var order = await _service.PlaceAsync(request, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(order.Lines.Select(l => (l.SizeCode, l.UnitPrice)), Is.EqualTo(new[] { ("large", 6.80m), ("small", 2.10m) }));
            Assert.That(order.Lines[0].Options.Select(o => o.Code), Is.EqualTo(new[] { "oat-milk", "extra-shot", "vanilla-syrup" }));
            Assert.That(order.Total, Is.EqualTo(8.90m));
        });
        _optionGroups.Verify(g => g.ListAllAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PriceAsync_LargeOatLatteWithShotsAndSyrupAndASmallBlack_PricesLikePlaceAsyncAndSavesNothing()
    {
        GivenMenu(DrinkTestData.Black(1), DrinkTestData.Latte(2));

        var lines = await _service.PriceAsync(
        [
            DrinkTestData.LineRequest(2, 1, "large", ("oat-milk", 1), ("extra-shot", 2), ("vanilla-syrup", 1)),
            DrinkTestData.LineRequest(1, 2, "small"),
        ], CancellationToken.None);

        Assert.That(lines.Select(l => (l.SizeCode, l.UnitPrice, l.Subtotal)), Is.EqualTo(new[] { ("large", 6.80m, 6.80m), ("small", 2.10m, 4.20m) }));
        _orders.Verify(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _events.Verify(e => e.Publish(It.IsAny<OrderChange>()), Times.Never);
    }

    [Test]
    public void PriceAsync_UnknownSizeOrTheSameDrinkTwice_FailsNamingTheLineAsPlaceAsyncWould()
    {
        GivenMenu(DrinkTestData.Latte(2));

        var size = Assert.ThrowsAsync<DomainValidationException>(() => _service.PriceAsync([DrinkTestData.LineRequest(2, 1, "venti")], CancellationToken.None));
        var twice = Assert.ThrowsAsync<DomainValidationException>(() => _service.PriceAsync(
            [DrinkTestData.LineRequest(2, 1, "large"), DrinkTestData.LineRequest(2, 3, "large")], CancellationToken.None));

        Assert.That((size!.Key.ToString(), twice!.Key.ToString()), Is.EqualTo(("Lines[0].Size", "Lines[1].MenuItemId")));
    }

    [Test]
    public async Task PlaceAsync_SameDrinkInAnotherSizeOrWithOtherOptions_IsAnotherLine()
    {
        GivenMenu(DrinkTestData.Latte(2));
        var request = new OrderRequest("Ann", null, null,
        [
            DrinkTestData.LineRequest(2, 1, "large", ("oat-milk", 1)),
            DrinkTestData.LineRequest(2, 1, "large"),
            DrinkTestData.LineRequest(2, 2, "small"),
        ]);

        var order = await _service.PlaceAsync(request, CancellationToken.None);

        Assert.That(order.Lines, Has.Count.EqualTo(3));
    }

    [Test]
    public void PlaceAsync_SameDrinkMadeTheSameWayTwice_NamesTheSecondLine()
    {
        GivenMenu(DrinkTestData.Latte(2));
        var request = new OrderRequest("Ann", null, null,
        [
            DrinkTestData.LineRequest(2, 1, "medium", ("whole-milk", 1)),
            DrinkTestData.LineRequest(2, 2),
        ]);

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.PlaceAsync(request, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key.Label, Is.EqualTo("lines[1].menuItemId"), "the default size and milk make the same drink as line 0");
            Assert.That(ex.Message, Does.Contain("lines[0]"));
        });
        VerifyNothingSaved();
    }

    [Test]
    public void PlaceAsync_RefusedOption_NamesTheLineAndTheOptionAndSavesNothing()
    {
        GivenMenu(DrinkTestData.Black(1), DrinkTestData.Latte(2));
        var request = new OrderRequest("Ann", null, null,
        [
            DrinkTestData.LineRequest(1),
            DrinkTestData.LineRequest(2, 1, null, ("oat-milk", 1), ("soy-milk", 1)),
        ]);

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.PlaceAsync(request, CancellationToken.None));

        Assert.That(ex!.Key.Label, Is.EqualTo("lines[1].options[1].code"));
        VerifyNothingSaved();
    }

    [Test]
    public async Task PlaceAsync_ItemsWithoutGroupsAndNoOptions_DoesNotReadTheOptionGroups()
    {
        GivenMenu(MenuItem(1));

        await _service.PlaceAsync(Request((1, 1)), CancellationToken.None);

        _optionGroups.VerifyNoOtherCalls();
    }

    [Test]
    public async Task PlaceAsync_SeveralLines_LoadsTheMenuInOneCall()
    {
        GivenMenu(MenuItem(1), MenuItem(2), MenuItem(3));

        await _service.PlaceAsync(Request((3, 1), (1, 1), (2, 1)), CancellationToken.None);

        _menu.Verify(
            m => m.FindManyAsync(It.Is<IReadOnlyCollection<int>>(ids => ids.Order().SequenceEqual(new[] { 1, 2, 3 })), It.IsAny<CancellationToken>()),
            Times.Once);
        _menu.VerifyNoOtherCalls();
    }

    [Test]
    public async Task PlaceAsync_MenuPriceChangesAfterwards_OrderKeepsItsSnapshot()
    {
        var latte = MenuItem(1, "Latte", 3.50m);
        GivenMenu(latte);

        var order = await _service.PlaceAsync(Request((1, 1)), CancellationToken.None);
        latte.Replace(latte.Details with { Title = "Big Latte", Price = 9.00m }, Now);

        Assert.Multiple(() =>
        {
            Assert.That(order.Lines[0].Title, Is.EqualTo("Latte"));
            Assert.That(order.Total, Is.EqualTo(3.50m));
        });
    }

    [Test]
    public void PlaceAsync_MissingItem_ThrowsNamingTheLineAndTheItem()
    {
        GivenMenu(MenuItem(1));

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.PlaceAsync(Request((1, 1), (99, 1)), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.ToString(), Is.EqualTo("Lines[1].MenuItemId"));
            Assert.That(ex.Message, Does.Contain("99"));
        });
        VerifyNothingSaved();
    }

    [Test]
    public void PlaceAsync_UnavailableItem_ThrowsNamingTheLineAndTheItem()
    {
        GivenMenu(MenuItem(1), MenuItem(2, "Nitro", isAvailable: false));

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.PlaceAsync(Request((1, 1), (2, 1)), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.ToString(), Is.EqualTo("Lines[1].MenuItemId"));
            Assert.That(ex.Message, Does.Contain("2").And.Contain("not available"));
        });
        VerifyNothingSaved();
    }

    [TestCase(0)]
    [TestCase(21)]
    public void PlaceAsync_LineCountOutOfRange_ThrowsForLinesWithoutReadingTheMenu(int count)
    {
        var lines = Enumerable.Range(1, count).Select(id => (id, 1)).ToArray();

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.PlaceAsync(Request(lines), CancellationToken.None));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Lines"));
        _menu.VerifyNoOtherCalls();
        VerifyNothingSaved();
    }

    [TestCase(0)]
    [TestCase(21)]
    public void PlaceAsync_QuantityOutOfRange_ThrowsNamingTheLineWithoutReadingTheMenu(int quantity)
    {
        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.PlaceAsync(Request((1, 1), (2, quantity)), CancellationToken.None));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Lines[1].Quantity"));
        _menu.VerifyNoOtherCalls();
        VerifyNothingSaved();
    }

    [Test]
    public void PlaceAsync_SameItemOnTwoLines_ThrowsNamingTheSecondLine()
    {
        GivenMenu(MenuItem(1));

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.PlaceAsync(Request((1, 1), (1, 2)), CancellationToken.None));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Lines[1].MenuItemId"));
        VerifyNothingSaved();
    }

    [Test]
    public void PlaceAsync_NullLine_ThrowsNamingTheLine()
    {
        var request = new OrderRequest("Ann", null, null, [new OrderLineRequest(1, 1), null!]);

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.PlaceAsync(request, CancellationToken.None));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Lines[1]"));
    }

    [Test]
    public async Task PlaceAsync_NewIdempotencyKey_AddsTheOrderWithItsRecord()
    {
        GivenMenu(MenuItem(1));
        var idempotency = Idempotency("hash-a");

        var placed = await _service.PlaceAsync(Request((1, 1)), idempotency, CancellationToken.None);

        Assert.That(placed.Replayed, Is.False);
        _orders.Verify(r => r.AddAsync(placed.Order, idempotency, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task PlaceAsync_SameKeyAndSameHash_ReturnsTheFirstOrderReplayedAndAddsNothing()
    {
        var first = Order();
        GivenIdempotencyRecord("hash-a", first);

        var placed = await _service.PlaceAsync(Request((1, 1)), Idempotency("hash-a"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(placed.Order, Is.SameAs(first));
            Assert.That(placed.Replayed, Is.True);
        });
        _orders.Verify(r => r.FindByIdempotencyKeyAsync(Scope, Key, It.IsAny<CancellationToken>()), Times.Once);
        _menu.VerifyNoOtherCalls();
        VerifyNothingSaved();
    }

    [Test]
    public void PlaceAsync_SameKeyAndOtherHash_ThrowsIdempotencyKeyReusedAndAddsNothing()
    {
        GivenIdempotencyRecord("hash-a", Order());

        Assert.ThrowsAsync<IdempotencyKeyReusedException>(
            () => _service.PlaceAsync(Request((1, 1)), Idempotency("hash-b"), CancellationToken.None));

        _menu.VerifyNoOtherCalls();
        VerifyNothingSaved();
    }

    [Test]
    public async Task PlaceAsync_ConflictOnSaveThenRecordFound_ReturnsTheWinnersOrderReplayed()
    {
        GivenMenu(MenuItem(1));
        var winner = Order(customerName: "Winner");
        _orders.SetupSequence(r => r.FindByIdempotencyKeyAsync(Scope, Key, It.IsAny<CancellationToken>()))
            .ReturnsAsync(((string, Order)?)null)
            .ReturnsAsync(("hash-a", winner));
        _orders.Setup(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ConflictException("duplicate key"));

        var placed = await _service.PlaceAsync(Request((1, 1)), Idempotency("hash-a"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(placed.Order, Is.SameAs(winner));
            Assert.That(placed.Replayed, Is.True);
        });
        _orders.Verify(r => r.FindByIdempotencyKeyAsync(Scope, Key, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public void PlaceAsync_ConflictOnSaveThenRecordWithOtherHash_ThrowsIdempotencyKeyReused()
    {
        GivenMenu(MenuItem(1));
        _orders.SetupSequence(r => r.FindByIdempotencyKeyAsync(Scope, Key, It.IsAny<CancellationToken>()))
            .ReturnsAsync(((string, Order)?)null)
            .ReturnsAsync(("hash-b", Order()));
        _orders.Setup(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ConflictException("duplicate key"));

        Assert.ThrowsAsync<IdempotencyKeyReusedException>(
            () => _service.PlaceAsync(Request((1, 1)), Idempotency("hash-a"), CancellationToken.None));
    }

    [Test]
    public void PlaceAsync_ConflictOnSaveAndNoRecord_RethrowsTheConflict()
    {
        GivenMenu(MenuItem(1));
        var conflict = new ConflictException("duplicate order code");
        _orders.Setup(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(conflict);

        var ex = Assert.ThrowsAsync<ConflictException>(
            () => _service.PlaceAsync(Request((1, 1)), Idempotency("hash-a"), CancellationToken.None));

        Assert.That(ex, Is.SameAs(conflict));
        _orders.Verify(r => r.FindByIdempotencyKeyAsync(Scope, Key, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public void GetAsync_UnknownId_ThrowsNotFound()
    {
        Assert.ThrowsAsync<NotFoundException>(() => _service.GetAsync(42, CancellationToken.None));

        _orders.Verify(r => r.FindAsync(42, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void GetByCodeAsync_UnknownCode_ThrowsNotFoundThatDoesNotEchoTheCode()
    {
        var ex = Assert.ThrowsAsync<NotFoundException>(() => _service.GetByCodeAsync("secret-code", CancellationToken.None));

        Assert.That(ex.Message, Does.Not.Contain("secret-code"));
        _orders.Verify(r => r.FindByCodeAsync("secret-code", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ListOpenAsync_Always_ReturnsTheRepositoryQueue()
    {
        IReadOnlyList<Order> queue = [Order()];
        _orders.Setup(r => r.ListOpenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(queue);

        var result = await _service.ListOpenAsync(CancellationToken.None);

        Assert.That(result, Is.SameAs(queue));
        _orders.Verify(r => r.ListOpenAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task CancelAsync_StaffOnPreparingOrder_CancelsAndSaves()
    {
        var order = GivenOrder(OrderIn(OrderStatus.Preparing, customerId: "user-1"));

        await _service.CancelAsync(7, OrderActor.Staff, "barista-1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(order.UpdatedAt, Is.EqualTo(Now));
        });
        _orders.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task CancelAsync_OwnerOnPendingOrder_CancelsAndSaves()
    {
        var order = GivenOrder(OrderIn(OrderStatus.Pending, customerId: "user-1"));

        await _service.CancelAsync(7, OrderActor.Customer, "user-1", CancellationToken.None);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        _orders.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [TestCase("user-2")]
    [TestCase(null)]
    public void CancelAsync_CustomerWhoDoesNotOwnTheOrder_ThrowsNotFoundAndSavesNothing(string? actingUserId)
    {
        var order = GivenOrder(OrderIn(OrderStatus.Pending, customerId: "user-1"));

        Assert.ThrowsAsync<NotFoundException>(() => _service.CancelAsync(7, OrderActor.Customer, actingUserId, CancellationToken.None));

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
        VerifyNothingSaved();
    }

    [Test]
    public void CancelAsync_GuestOrderWithNoSignedInUser_ThrowsNotFound()
    {
        GivenOrder(OrderIn(OrderStatus.Pending, customerId: null));

        Assert.ThrowsAsync<NotFoundException>(() => _service.CancelAsync(7, OrderActor.Customer, null, CancellationToken.None));

        VerifyNothingSaved();
    }

    [Test]
    public void CancelAsync_OwnerOnPreparingOrder_ThrowsConflictAndSavesNothing()
    {
        GivenOrder(OrderIn(OrderStatus.Preparing, customerId: "user-1"));

        Assert.ThrowsAsync<ConflictException>(() => _service.CancelAsync(7, OrderActor.Customer, "user-1", CancellationToken.None));

        VerifyNothingSaved();
    }

    [Test]
    public void CancelAsync_UnknownId_ThrowsNotFound()
    {
        Assert.ThrowsAsync<NotFoundException>(() => _service.CancelAsync(7, OrderActor.Staff, null, CancellationToken.None));

        VerifyNothingSaved();
    }

    [TestCase(OrderActor.Customer, "user-1")]
    [TestCase(OrderActor.Staff, null)]
    [TestCase(OrderActor.Staff, "someone-else")]
    public async Task GetAsync_AsTheOwnerOrStaff_ReturnsTheOrder(OrderActor actor, string? actingUserId)
    {
        var order = GivenOrder(OrderIn(OrderStatus.Pending, customerId: "user-1"));

        Assert.That(await _service.GetAsync(7, actor, actingUserId, CancellationToken.None), Is.SameAs(order));
    }

    [TestCase("someone-else")]
    [TestCase(null)]
    public void GetAsync_AsACustomerWhoDoesNotOwnTheOrder_ThrowsNotFound(string? actingUserId)
    {
        GivenOrder(OrderIn(OrderStatus.Pending, customerId: "user-1"));

        var ex = Assert.ThrowsAsync<NotFoundException>(() => _service.GetAsync(7, OrderActor.Customer, actingUserId, CancellationToken.None));

        Assert.That(ex.Message, Is.EqualTo("Order 7 was not found."), "the same answer as for an id that does not exist");
    }

    [Test]
    public async Task CancelByCodeAsync_PendingOrder_CancelsAsTheCustomerAndSaves()
    {
        var order = OrderIn(OrderStatus.Pending);
        _orders.Setup(r => r.FindByCodeAsync(Code, It.IsAny<CancellationToken>())).ReturnsAsync(order);

        await _service.CancelByCodeAsync(Code, CancellationToken.None);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        _orders.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task MoveAsync_AllowedMove_MovesAndSaves()
    {
        var order = GivenOrder(OrderIn(OrderStatus.Pending));

        var moved = await _service.MoveAsync(7, OrderStatus.Preparing, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.SameAs(order));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Preparing));
            Assert.That(order.UpdatedAt, Is.EqualTo(Now));
        });
        _orders.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void MoveAsync_RefusedMove_ThrowsConflictAndSavesNothing()
    {
        GivenOrder(OrderIn(OrderStatus.Completed));

        var ex = Assert.ThrowsAsync<ConflictException>(() => _service.MoveAsync(7, OrderStatus.Preparing, CancellationToken.None));

        Assert.That(ex.Message, Does.Contain("Completed").And.Contain("Preparing"));
        VerifyNothingSaved();
    }

    [Test]
    public void MoveAsync_UnknownId_ThrowsNotFound()
    {
        Assert.ThrowsAsync<NotFoundException>(() => _service.MoveAsync(7, OrderStatus.Preparing, CancellationToken.None));

        VerifyNothingSaved();
    }

    [TestCase("user-1", false, ExpectedResult = true)]
    [TestCase("user-2", false, ExpectedResult = false)]
    [TestCase(null, false, ExpectedResult = false)]
    [TestCase("barista-1", true, ExpectedResult = true)]
    [TestCase(null, true, ExpectedResult = true)]
    public bool CanView_CustomersOrder_OnlyOwnerAndStaff(string? userId, bool isStaff) =>
        OrderingService.CanView(Order(customerId: "user-1"), userId, isStaff);

    [Test]
    public void CanView_GuestOrderAndAnonymousCaller_IsFalse() =>
        Assert.That(OrderingService.CanView(Order(customerId: null), null, isStaff: false), Is.False);

    [Test]
    public async Task PlaceAsync_PublishesPlaced_OnlyAfterTheSaveReturned()
    {
        GivenMenu(MenuItem(1));
        var saved = false;
        var savedWhenPublished = false;
        _orders.Setup(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest?>(), It.IsAny<CancellationToken>()))
            .Callback(() => saved = true).Returns(Task.CompletedTask);
        _events.Setup(e => e.Publish(It.IsAny<OrderChange>())).Callback(() => savedWhenPublished = saved);

        var order = await _service.PlaceAsync(Request((1, 1)), CancellationToken.None);

        _events.Verify(e => e.Publish(new OrderChange(OrderChangeKind.Placed, order)), Times.Once);
        Assert.That(savedWhenPublished, Is.True);
    }

    [Test]
    public async Task MoveAsync_PublishesTheStatusChange()
    {
        var order = GivenOrder(OrderIn(OrderStatus.Pending));

        await _service.MoveAsync(7, OrderStatus.Preparing, CancellationToken.None);

        _events.Verify(e => e.Publish(new OrderChange(OrderChangeKind.StatusChanged, order)), Times.Once);
    }

    [Test]
    public async Task CancelByCodeAsync_PublishesTheCancel()
    {
        var order = OrderIn(OrderStatus.Pending);
        _orders.Setup(r => r.FindByCodeAsync("code", It.IsAny<CancellationToken>())).ReturnsAsync(order);

        await _service.CancelByCodeAsync("code", CancellationToken.None);

        _events.Verify(e => e.Publish(new OrderChange(OrderChangeKind.Cancelled, order)), Times.Once);
    }

    [Test]
    public void SaveThatFails_PublishesNothing()
    {
        GivenMenu(MenuItem(1));
        GivenOrder(OrderIn(OrderStatus.Pending));
        _orders.Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyException("lost the race"));
        _orders.Setup(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyException("lost the race"));

        Assert.ThrowsAsync<ConcurrencyException>(() => _service.PlaceAsync(Request((1, 1)), CancellationToken.None));
        Assert.ThrowsAsync<ConcurrencyException>(() => _service.MoveAsync(7, OrderStatus.Preparing, CancellationToken.None));
        _events.Verify(e => e.Publish(It.IsAny<OrderChange>()), Times.Never);
    }

    [Test]
    public async Task PlaceAsync_Replay_PublishesNothing()
    {
        GivenIdempotencyRecord("hash-a", Order());

        await _service.PlaceAsync(Request((1, 1)), Idempotency("hash-a"), CancellationToken.None);

        _events.Verify(e => e.Publish(It.IsAny<OrderChange>()), Times.Never);
    }

    private static IdempotentRequest Idempotency(string hash) => new(Scope, Key, hash);

    private void GivenIdempotencyRecord(string hash, Order order) =>
        _orders.Setup(r => r.FindByIdempotencyKeyAsync(Scope, Key, It.IsAny<CancellationToken>())).ReturnsAsync((hash, order));

    private static OrderRequest Request(params (int MenuItemId, int Quantity)[] lines) =>
        new("Ann", "no sugar", "user-1", lines.Select(l => new OrderLineRequest(l.MenuItemId, l.Quantity)).ToList());

    private void GivenMenu(params MenuItem[] items) =>
        _menu.Setup(m => m.FindManyAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<int> ids, CancellationToken _) => items.Where(i => ids.Contains(i.Id)).ToList());

    private Order GivenOrder(Order order)
    {
        _orders.Setup(r => r.FindAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(order);
        return order;
    }

    private void VerifyNothingSaved()
    {
        _orders.Verify(r => r.AddAsync(It.IsAny<Order>(), It.IsAny<IdempotentRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        _orders.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
