using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using static CoffeeShop.Tests.Unit.Domain.Orders.OrderTestData;

namespace CoffeeShop.Tests.Unit.Domain.Orders;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OrderTests
{
    private static readonly DateTimeOffset Later = PlacedAt.AddMinutes(5);

    // The whole table of allowed moves, written out independently of Order.IsAllowedMove.
    private static readonly (OrderStatus From, OrderStatus To, OrderActor Actor)[] AllowedMoves =
    [
        (OrderStatus.Pending, OrderStatus.Preparing, OrderActor.Staff),
        (OrderStatus.Preparing, OrderStatus.Ready, OrderActor.Staff),
        (OrderStatus.Ready, OrderStatus.Completed, OrderActor.Staff),
        (OrderStatus.Pending, OrderStatus.Cancelled, OrderActor.Customer),
        (OrderStatus.Pending, OrderStatus.Cancelled, OrderActor.Staff),
        (OrderStatus.Preparing, OrderStatus.Cancelled, OrderActor.Staff),
    ];

    private static IEnumerable<TestCaseData> AllowedMoveCases() =>
        AllowedMoves.Select(m => new TestCaseData(m.From, m.To, m.Actor));

    /// <summary>Every (from, to, actor) combination not in the table above: 50 combinations, 44 refused.</summary>
    private static IEnumerable<TestCaseData> RefusedMoveCases() =>
        from source in Enum.GetValues<OrderStatus>()
        from target in Enum.GetValues<OrderStatus>()
        from actor in Enum.GetValues<OrderActor>()
        where !AllowedMoves.Contains((source, target, actor))
        select new TestCaseData(source, target, actor);

    [Test]
    public void Constructor_ValidInput_StartsPendingAtVersionOne()
    {
        var order = Order(customerName: "  Ann  ", notes: "  no sugar ", customerId: "user-1");

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.Version, Is.EqualTo(1));
            Assert.That(order.CreatedAt, Is.EqualTo(PlacedAt));
            Assert.That(order.UpdatedAt, Is.EqualTo(PlacedAt));
            Assert.That(order.Code, Is.EqualTo(Code));
            Assert.That(order.CustomerName, Is.EqualTo("Ann"));
            Assert.That(order.Notes, Is.EqualTo("no sugar"));
            Assert.That(order.CustomerId, Is.EqualTo("user-1"));
        });
    }

    [Test]
    public void Constructor_TimeWithSubMillisecondTicks_KeepsWholeMillisecondsAsStored()
    {
        var now = PlacedAt.AddTicks(1_234_567);

        var order = new Order(Code, "Ann", null, null, [Line()], now);

        Assert.Multiple(() =>
        {
            Assert.That(order.CreatedAt, Is.EqualTo(PlacedAt.AddMilliseconds(123)));
            Assert.That(order.UpdatedAt, Is.EqualTo(order.CreatedAt));
        });
    }

    [Test]
    public void MoveTo_TimeWithSubMillisecondTicks_KeepsWholeMillisecondsAsStored()
    {
        var order = Order();

        order.MoveTo(OrderStatus.Preparing, OrderActor.Staff, Later.AddTicks(9_999));

        Assert.That(order.UpdatedAt, Is.EqualTo(Later));
    }

    [Test]
    public void Total_SeveralLines_SumsUnitPriceTimesQuantityOfTheSnapshots()
    {
        var order = Order([Line(menuItemId: 1, quantity: 2, unitPrice: 3.50m), Line(menuItemId: 2, quantity: 3, unitPrice: 4.25m)]);

        Assert.That(order.Total, Is.EqualTo(19.75m));
    }

    [Test]
    public void Constructor_SeveralLines_KeepsTheirOrderAndNumbersThemFromOne()
    {
        var order = Order([Line(menuItemId: 7), Line(menuItemId: 3), Line(menuItemId: 5)]);

        Assert.Multiple(() =>
        {
            Assert.That(order.Lines.Select(l => l.MenuItemId), Is.EqualTo(new[] { 7, 3, 5 }));
            Assert.That(order.Lines.Select(l => l.Position), Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }

    [TestCase(1)]
    [TestCase(20)]
    public void Constructor_LineCountAtBound_IsAccepted(int count)
    {
        var order = Order(Lines(count));

        Assert.That(order.Lines, Has.Count.EqualTo(count));
    }

    [TestCase(0)]
    [TestCase(21)]
    public void Constructor_LineCountBeyondBound_ThrowsForLines(int count)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Order(Lines(count)));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Lines"));
    }

    [Test]
    public void Constructor_NullLines_ThrowsForLines()
    {
        var ex = Assert.Throws<DomainValidationException>(() => _ = new Order(Code, "Ann", null, null, null!, PlacedAt));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Lines"));
    }

    [Test]
    public void Constructor_SameMenuItemOnTwoLines_ThrowsNamingTheSecondLine()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Order([Line(menuItemId: 4), Line(menuItemId: 4)]));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.ToString(), Is.EqualTo("Lines[1].MenuItemId"));
            Assert.That(ex.Message, Does.Contain("Menu item 4").And.Contain("lines[0]"));
        });
    }

    [TestCase(1)]
    [TestCase(20)]
    public void LineConstructor_QuantityAtBound_IsAccepted(int quantity)
    {
        var line = Line(quantity: quantity);

        Assert.That(line.Quantity, Is.EqualTo(quantity));
    }

    [TestCase(0)]
    [TestCase(21)]
    [TestCase(-1)]
    public void LineConstructor_QuantityBeyondBound_ThrowsForQuantity(int quantity)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Line(quantity: quantity));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Quantity"));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void LineConstructor_NonPositiveMenuItemId_ThrowsForMenuItemId(int menuItemId)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Line(menuItemId: menuItemId));

        Assert.That(ex.Key.ToString(), Is.EqualTo("MenuItemId"));
    }

    [TestCase(1)]
    [TestCase(60)]
    public void Constructor_CustomerNameLengthAtBound_IsAccepted(int length)
    {
        var order = Order(customerName: new string('a', length));

        Assert.That(order.CustomerName, Has.Length.EqualTo(length));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Constructor_BlankCustomerName_ThrowsForCustomerName(string? customerName)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Order(customerName: customerName!));

        Assert.That(ex.Key.ToString(), Is.EqualTo("CustomerName"));
    }

    [Test]
    public void Constructor_CustomerNameOf61Characters_ThrowsForCustomerName()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Order(customerName: new string('a', 61)));

        Assert.That(ex.Key.ToString(), Is.EqualTo("CustomerName"));
    }

    [TestCase(0)]
    [TestCase(500)]
    public void Constructor_NotesLengthAtBound_IsAccepted(int length)
    {
        var order = Order(notes: new string('n', length));

        Assert.That(order.Notes, Has.Length.EqualTo(length));
    }

    [Test]
    public void Constructor_NullNotes_StoresEmptyNotes()
    {
        var order = Order(notes: null);

        Assert.That(order.Notes, Is.Empty);
    }

    [Test]
    public void Constructor_NotesOf501Characters_ThrowsForNotes()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Order(notes: new string('n', 501)));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Notes"));
    }

    [Test]
    public void Constructor_BlankCustomerId_IsAGuestOrder()
    {
        var order = Order(customerId: "  ");

        Assert.That(order.CustomerId, Is.Null);
    }

    [TestCaseSource(nameof(AllowedMoveCases))]
    public void MoveTo_AllowedMove_ChangesStatusAndBumpsVersion(OrderStatus from, OrderStatus to, OrderActor actor)
    {
        var order = OrderIn(from);
        var version = order.Version;

        order.MoveTo(to, actor, Later);

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(to));
            Assert.That(order.Version, Is.EqualTo(version + 1));
            Assert.That(order.UpdatedAt, Is.EqualTo(Later));
        });
    }

    [TestCaseSource(nameof(RefusedMoveCases))]
    public void MoveTo_RefusedMove_ThrowsConflictNamingBothStatusesAndChangesNothing(OrderStatus from, OrderStatus to, OrderActor actor)
    {
        var order = OrderIn(from);
        var version = order.Version;

        var ex = Assert.Throws<ConflictException>(() => order.MoveTo(to, actor, Later));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain($"from {from} to {to}"));
            Assert.That(order.Status, Is.EqualTo(from));
            Assert.That(order.Version, Is.EqualTo(version));
        });
    }

    [TestCaseSource(nameof(AllowedMoveCases))]
    public void CanMoveTo_AllowedMove_IsTrue(OrderStatus from, OrderStatus to, OrderActor actor) =>
        Assert.That(OrderIn(from).CanMoveTo(to, actor), Is.True);

    [Test]
    public void MoveTo_UndefinedStatus_ThrowsForStatus()
    {
        var order = Order();

        var ex = Assert.Throws<DomainValidationException>(() => order.MoveTo((OrderStatus)42, OrderActor.Staff, Later));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Status"));
    }

    [TestCase(OrderActor.Customer)]
    [TestCase(OrderActor.Staff)]
    public void Cancel_WhilePending_Cancels(OrderActor actor)
    {
        var order = OrderIn(OrderStatus.Pending);

        order.Cancel(actor, Later);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public void Cancel_ByStaffWhilePreparing_Cancels()
    {
        var order = OrderIn(OrderStatus.Preparing);

        order.Cancel(OrderActor.Staff, Later);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public void Cancel_ByCustomerWhilePreparing_ThrowsConflictSayingOnlyStaffCan()
    {
        var order = OrderIn(OrderStatus.Preparing);

        var ex = Assert.Throws<ConflictException>(() => order.Cancel(OrderActor.Customer, Later));

        Assert.That(ex.Message, Does.Contain("only staff"));
    }

    [TestCase(OrderStatus.Ready, OrderActor.Staff)]
    [TestCase(OrderStatus.Completed, OrderActor.Staff)]
    [TestCase(OrderStatus.Cancelled, OrderActor.Staff)]
    [TestCase(OrderStatus.Ready, OrderActor.Customer)]
    public void Cancel_OnceReadyOrClosed_ThrowsConflict(OrderStatus status, OrderActor actor)
    {
        var order = OrderIn(status);

        Assert.Throws<ConflictException>(() => order.Cancel(actor, Later));
    }

    [TestCase("user-1", ExpectedResult = true)]
    [TestCase("user-2", ExpectedResult = false)]
    [TestCase("USER-1", ExpectedResult = false)]
    [TestCase(null, ExpectedResult = false)]
    public bool IsOwnedBy_CustomersOrder_IsTrueOnlyForThatUser(string? userId) =>
        Order(customerId: "user-1").IsOwnedBy(userId);

    [Test]
    public void IsOwnedBy_GuestOrderAndNoUser_IsFalse() =>
        Assert.That(Order(customerId: null).IsOwnedBy(null), Is.False);
}
