using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Grpc.V1;
using CoffeeShop.Web.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DomainOrder = CoffeeShop.Domain.Orders.Order;
using DomainStatus = CoffeeShop.Domain.Orders.OrderStatus;
using Order = CoffeeShop.Web.Grpc.V1.Order;
using OrderLineRequest = CoffeeShop.Web.Grpc.V1.OrderLineRequest;
using OrderStatus = CoffeeShop.Web.Grpc.V1.OrderStatus;

namespace CoffeeShop.Tests.Integration.Grpc;

/// <summary>
/// <c>coffeeshop.v1.Orders</c> (unary methods) over the test server: bearer and API key callers, the JSON API's
/// ownership rules, validation with field violations, status moves, and idempotent retries.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class OrdersGrpcServiceTests : IntegrationTestBase
{
    private GrpcChannel _channel = null!;
    private Orders.OrdersClient _orders = null!;
    private Domain.Menu.MenuItem _latte = null!;
    private Domain.Menu.MenuItem _soldOut = null!;
    private Metadata _ann = null!;
    private string _annId = null!;
    private Metadata _bob = null!;
    private Metadata _barista = null!;
    private Metadata _customerKey = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _channel = GrpcCalls.Channel(Factory);
        _orders = new Orders.OrdersClient(_channel);
        _latte = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Grpc Orders Latte").WithPrice(3.50m).BuildDetails());
        _soldOut = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Grpc Orders Sold Out").Unavailable().BuildDetails());
        (_ann, _annId) = await GrpcCalls.UserAsync(Factory, AppRoles.Customer);
        (_bob, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Customer);
        (_barista, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Barista);
        _customerKey = await GrpcCalls.ApiKeyAsync(Factory, AppRoles.Customer);
    }

    [OneTimeTearDown]
    public void DisposeChannel() => _channel.Dispose();

    // ---- PlaceOrder ----

    [Test]
    public async Task PlaceOrder_WithBearer_PlacesAPendingOrderPricedFromTheMenu()
    {
        var order = await _orders.PlaceOrderAsync(Request("Ann", 2), _ann);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.Id, Is.Positive);
            Assert.That(order.Code, Has.Length.GreaterThanOrEqualTo(22));
            Assert.That(order.CustomerName, Is.EqualTo("Ann"));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.Lines.Select(l => (l.MenuItemId, l.Title, l.Quantity, l.UnitPrice.Units, l.UnitPrice.Nanos, l.Size.Code)),
                Is.EqualTo(new[] { (_latte.Id, "Grpc Orders Latte", 2, 3L, 500_000_000, "regular") }));
            Assert.That((order.Total.CurrencyCode, order.Total.Units, order.Total.Nanos), Is.EqualTo(("USD", 7L, 0)));
            Assert.That(order.Lines[0].LineTotal.Units, Is.EqualTo(7));
            Assert.That(order.CreatedAt, Is.EqualTo(order.UpdatedAt));
        }

        var saved = await Factory.WithScopeAsync(s => s.GetRequiredService<OrderingService>().GetAsync(order.Id, CancellationToken.None));
        Assert.That(saved.CustomerId, Is.EqualTo(_annId));
    }

    [Test]
    public async Task PlaceOrder_WithApiKey_PlacesAnOrderOwnedByNobody()
    {
        var order = await _orders.PlaceOrderAsync(Request("Till", 1), _customerKey);

        var saved = await Factory.WithScopeAsync(s => s.GetRequiredService<OrderingService>().GetAsync(order.Id, CancellationToken.None));
        Assert.That(saved.CustomerId, Is.Null);
    }

    [Test]
    public async Task PlaceOrder_WithoutCredentials_IsUnauthenticated()
    {
        await GrpcCalls.FailsWithAsync(StatusCode.Unauthenticated, () => _orders.PlaceOrderAsync(Request("Nobody", 1)).ResponseAsync);
    }

    [Test]
    public async Task PlaceOrder_WithForgedTokenOrUnknownKey_IsUnauthenticated()
    {
        await GrpcCalls.FailsWithAsync(StatusCode.Unauthenticated, () => _orders.PlaceOrderAsync(Request("Forged", 1), GrpcCalls.Bearer("not.a.jwt")).ResponseAsync);
        await GrpcCalls.FailsWithAsync(StatusCode.Unauthenticated, () => _orders.PlaceOrderAsync(Request("Forged", 1), GrpcCalls.ApiKey("cs_unknown")).ResponseAsync);
    }

    public static IEnumerable<TestCaseData> InvalidOrders()
    {
        static TestCaseData Case(string field, Action<PlaceOrderRequest, int, int> change) => new TestCaseData(field, change).SetArgDisplayNames(field);

        yield return Case("customerName", (r, _, _) => r.CustomerName = string.Empty);
        yield return Case("customerName", (r, _, _) => r.CustomerName = new string('n', 61));
        yield return Case("notes", (r, _, _) => r.Notes = new string('n', 501));
        yield return Case("lines", (r, _, _) => r.Lines.Clear());
        yield return Case("lines[0].quantity", (r, _, _) => r.Lines[0].Quantity = 0);
        yield return Case("lines[0].quantity", (r, _, _) => r.Lines[0].Quantity = 21);
        yield return Case("lines[0].menuItemId", (r, _, _) => r.Lines[0].MenuItemId = 999_999);
        yield return Case("lines[0].menuItemId", (r, _, soldOut) => r.Lines[0].MenuItemId = soldOut);
        yield return Case("lines[1].menuItemId", (r, latte, _) => r.Lines.Add(new OrderLineRequest { MenuItemId = latte, Quantity = 1 }));
        yield return Case("lines[0].size", (r, _, _) => r.Lines[0].Size = "large");
        yield return Case("lines[0].options[0].code", (r, _, _) => r.Lines[0].Options.Add(new OrderOptionRequest { Code = "oat-milk" }));
        yield return Case("idempotencyKey", (r, _, _) => r.IdempotencyKey = new string('k', 201));
    }

    [TestCaseSource(nameof(InvalidOrders))]
    public async Task PlaceOrder_InvalidField_IsInvalidArgumentWithTheJsonApisFieldName(string field, Action<PlaceOrderRequest, int, int> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var request = Request("Invalid", 1);
        change(request, _latte.Id, _soldOut.Id);

        var refused = await GrpcCalls.FailsWithAsync(StatusCode.InvalidArgument, () => _orders.PlaceOrderAsync(request, _ann).ResponseAsync);

        var violations = GrpcCalls.FieldViolations(refused);
        Assert.That(violations.Keys, Is.EqualTo(new[] { field }));
        Assert.That(violations[field], Is.Not.Empty.And.Not.Contains("Exception"));
    }

    [Test]
    public async Task PlaceOrder_DefaultSizeNamed_IsAccepted()
    {
        var request = Request("Sized", 1);
        request.Lines[0].Size = "regular";

        var order = await _orders.PlaceOrderAsync(request, _ann);

        Assert.That(order.Lines[0].Size.Name, Is.EqualTo("Regular"));
    }

    // ---- sizes and options (the seeded Latte, id 2: small 3.50, medium 3.90, large 4.40; Black, id 1, has no milk) ----

    [Test]
    public async Task PlaceOrder_LargeOatLatteWithTwoShotsAndVanilla_IsPricedFromTheSizeAndEachOption()
    {
        var request = new PlaceOrderRequest
        {
            CustomerName = "Options",
            Lines =
            {
                new OrderLineRequest
                {
                    MenuItemId = SeededLatte,
                    Quantity = 2,
                    Size = "large",
                    Options =
                    {
                        new OrderOptionRequest { Code = "vanilla-syrup" },
                        new OrderOptionRequest { Code = "oat-milk", Quantity = 1 },
                        new OrderOptionRequest { Code = "extra-shot", Quantity = 2 },
                    },
                },
                new OrderLineRequest { MenuItemId = SeededLatte, Quantity = 1 },
            },
        };

        var order = await _orders.PlaceOrderAsync(request, _ann);

        var custom = order.Lines[0];
        var plain = order.Lines[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That((custom.Size.Code, custom.Size.Name), Is.EqualTo(("large", "Large")));
            Assert.That(custom.Options.Select(o => (o.Code, o.Name, o.Quantity, GrpcCalls.Amount(o.PriceDelta))), Is.EqualTo(new[]
            {
                ("oat-milk", "Oat milk", 1, 0.50m),
                ("extra-shot", "Extra espresso shot", 2, 0.70m),
                ("vanilla-syrup", "Vanilla syrup", 1, 0.50m),
            }), "in the drink's group order; an option's quantity 0 is 1");
            Assert.That(GrpcCalls.Amount(custom.UnitPrice), Is.EqualTo(6.80m), "4.40 + 0.50 + 2 × 0.70 + 0.50");
            Assert.That(GrpcCalls.Amount(custom.LineTotal), Is.EqualTo(13.60m));
            Assert.That((plain.Size.Code, GrpcCalls.Amount(plain.UnitPrice)), Is.EqualTo(("medium", 3.90m)), "no size is the default size");
            Assert.That(plain.Options.Select(o => o.Code), Is.EqualTo(new[] { "whole-milk" }), "a group that needs a choice gets its default");
            Assert.That(GrpcCalls.Amount(order.Total), Is.EqualTo(17.50m));
        }

        var saved = await _orders.GetOrderAsync(new GetOrderRequest { Id = order.Id }, _ann);
        Assert.That(saved, Is.EqualTo(order), "the order reads back as it was placed");
    }

    public static IEnumerable<TestCaseData> OptionRuleViolations()
    {
        static TestCaseData Case(string name, string field, Action<PlaceOrderRequest> change) =>
            new TestCaseData(field, change).SetArgDisplayNames(name);

        static OrderLineRequest Line(int menuItemId, params OrderOptionRequest[] options) =>
            new() { MenuItemId = menuItemId, Quantity = 1, Options = { options } };

        static OrderLineRequest Latte(params OrderOptionRequest[] options) => Line(SeededLatte, options);

        yield return Case("option the drink does not offer", "lines[1].options[0].code", r => r.Lines.Add(Line(SeededBlack, new OrderOptionRequest { Code = "oat-milk" })));
        yield return Case("unknown option", "lines[1].options[0].code", r => r.Lines.Add(Latte(new OrderOptionRequest { Code = "cinnamon-dust" })));
        yield return Case("two milks", "lines[1].options[1].code", r => r.Lines.Add(Latte(new() { Code = "oat-milk" }, new() { Code = "soy-milk" })));
        yield return Case("four shots", "lines[1].options[0].quantity", r => r.Lines.Add(Latte(new OrderOptionRequest { Code = "extra-shot", Quantity = 4 })));
        yield return Case("negative quantity", "lines[1].options[0].quantity", r => r.Lines.Add(Latte(new OrderOptionRequest { Code = "extra-shot", Quantity = -1 })));
        yield return Case("unknown size", "lines[1].size", r => r.Lines.Add(new OrderLineRequest { MenuItemId = SeededLatte, Quantity = 1, Size = "venti" }));
        yield return Case("same drink twice", "lines[2].menuItemId", r =>
        {
            r.Lines.Add(Latte(new OrderOptionRequest { Code = "oat-milk" }));
            r.Lines.Add(Latte(new OrderOptionRequest { Code = "oat-milk", Quantity = 1 }));
        });
    }

    [TestCaseSource(nameof(OptionRuleViolations))]
    public async Task PlaceOrder_SizeOrOptionRuleBroken_IsInvalidArgumentNamingTheLineAndField(string field, Action<PlaceOrderRequest> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var request = Request("Bad option", 1);
        change(request);
        var before = await CountOrdersAsync("Bad option");

        var refused = await GrpcCalls.FailsWithAsync(StatusCode.InvalidArgument, () => _orders.PlaceOrderAsync(request, _ann).ResponseAsync);

        var violations = GrpcCalls.FieldViolations(refused);
        Assert.That(violations.Keys, Is.EqualTo(new[] { field }), refused.Status.Detail);
        Assert.That(refused.Status.Detail, Is.EqualTo(violations[field]));
        Assert.That(await CountOrdersAsync("Bad option"), Is.EqualTo(before));
    }

    // ---- idempotency ----

    [Test]
    public async Task PlaceOrder_RetriedWithTheSameKey_ReturnsTheFirstOrderAndCreatesNothing()
    {
        var request = Request("Retry", 1);
        request.IdempotencyKey = Guid.NewGuid().ToString();

        var first = await _orders.PlaceOrderAsync(request, _ann);
        using var retry = _orders.PlaceOrderAsync(request, _ann);
        var second = await retry;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(retry.GetTrailers().GetValue("idempotent-replayed"), Is.EqualTo("true"));
            Assert.That(await CountOrdersAsync("Retry"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task PlaceOrder_SameKeyOtherRequest_IsAlreadyExists()
    {
        var key = Guid.NewGuid().ToString();
        var request = Request("Reuse", 1);
        request.IdempotencyKey = key;
        await _orders.PlaceOrderAsync(request, _ann);
        var other = Request("Reuse", 2);
        other.IdempotencyKey = key;

        var refused = await GrpcCalls.FailsWithAsync(StatusCode.AlreadyExists, () => _orders.PlaceOrderAsync(other, _ann).ResponseAsync);

        Assert.That(refused.Status.Detail, Does.Contain("idempotency_key"));
    }

    [Test]
    public async Task PlaceOrder_SameKeyAnotherCaller_PlacesItsOwnOrder()
    {
        var request = Request("Two callers", 1);
        request.IdempotencyKey = Guid.NewGuid().ToString();

        var ann = await _orders.PlaceOrderAsync(request, _ann);
        var bob = await _orders.PlaceOrderAsync(request, _bob);

        Assert.That(bob.Id, Is.Not.EqualTo(ann.Id));
    }

    // ---- GetOrder, ListOrders ----

    [Test]
    public async Task GetOrder_OwnerAndStaff_SeeIt_OtherCustomerAndKey_AreToldNotFound()
    {
        var placed = await _orders.PlaceOrderAsync(Request("Owned", 1), _ann);
        var request = new GetOrderRequest { Id = placed.Id };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await _orders.GetOrderAsync(request, _ann), Is.EqualTo(placed));
            Assert.That((await _orders.GetOrderAsync(request, _barista)).Id, Is.EqualTo(placed.Id));
        }

        var refused = await GrpcCalls.FailsWithAsync(StatusCode.NotFound, () => _orders.GetOrderAsync(request, _bob).ResponseAsync);
        await GrpcCalls.FailsWithAsync(StatusCode.NotFound, () => _orders.GetOrderAsync(request, _customerKey).ResponseAsync);
        Assert.That(refused.Status.Detail, Is.EqualTo($"Order {placed.Id} was not found."));
    }

    [Test]
    public async Task GetOrder_Unknown_IsNotFound()
    {
        await GrpcCalls.FailsWithAsync(StatusCode.NotFound, () => _orders.GetOrderAsync(new GetOrderRequest { Id = 999_999 }, _barista).ResponseAsync);
    }

    [Test]
    public async Task ListOrders_Customer_SeesOnlyOwnOrders_StaffSeeEveryone_KeySeesNone()
    {
        var (carol, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Customer);
        var mine = await _orders.PlaceOrderAsync(Request("Carol", 1), carol);
        var annsOrder = await _orders.PlaceOrderAsync(Request("Ann's", 1), _ann);

        var carols = await _orders.ListOrdersAsync(new ListOrdersRequest(), carol);
        var staff = await _orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 100 }, _barista);
        var key = await _orders.ListOrdersAsync(new ListOrdersRequest(), _customerKey);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(carols.Orders.Select(o => o.Id), Is.EqualTo(new[] { mine.Id }));
            Assert.That(carols.TotalCount, Is.EqualTo(1));
            Assert.That(staff.Orders.Select(o => o.Id), Does.Contain(mine.Id).And.Contain(annsOrder.Id));
            Assert.That(key.Orders, Is.Empty);
        }
    }

    [Test]
    public async Task ListOrders_ByStatusAndPage_FiltersAndPages()
    {
        var (dan, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Customer);
        var first = await _orders.PlaceOrderAsync(Request("Dan 1", 1), dan);
        var second = await _orders.PlaceOrderAsync(Request("Dan 2", 1), dan);
        await _orders.CancelOrderAsync(new CancelOrderRequest { Id = first.Id }, dan);

        var cancelled = await _orders.ListOrdersAsync(new ListOrdersRequest { Status = OrderStatus.Cancelled }, dan);
        var page1 = await _orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 1 }, dan);
        var page2 = await _orders.ListOrdersAsync(new ListOrdersRequest { PageSize = 1, PageToken = page1.NextPageToken }, dan);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cancelled.Orders.Select(o => o.Id), Is.EqualTo(new[] { first.Id }));
            Assert.That(page1.Orders.Select(o => o.Id), Is.EqualTo(new[] { second.Id }), "newest first");
            Assert.That(page2.Orders.Select(o => o.Id), Is.EqualTo(new[] { first.Id }));
            Assert.That(page2.NextPageToken, Is.Empty);
        }
    }

    [Test]
    public async Task ListOrders_UnknownStatusNumber_IsInvalidArgumentNamingStatus()
    {
        var refused = await GrpcCalls.FailsWithAsync(
            StatusCode.InvalidArgument, () => _orders.ListOrdersAsync(new ListOrdersRequest { Status = (OrderStatus)42 }, _ann).ResponseAsync);

        Assert.That(GrpcCalls.FieldViolations(refused).Keys, Is.EqualTo(new[] { "status" }));
    }

    // ---- CancelOrder, UpdateOrderStatus ----

    [Test]
    public async Task CancelOrder_OwnerWhilePending_Cancels()
    {
        var placed = await _orders.PlaceOrderAsync(Request("Cancel me", 1), _ann);

        var cancelled = await _orders.CancelOrderAsync(new CancelOrderRequest { Id = placed.Id }, _ann);

        Assert.That(cancelled.Status, Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public async Task CancelOrder_OtherCustomer_IsNotFoundAndChangesNothing()
    {
        var placed = await _orders.PlaceOrderAsync(Request("Not Bob's", 1), _ann);

        await GrpcCalls.FailsWithAsync(StatusCode.NotFound, () => _orders.CancelOrderAsync(new CancelOrderRequest { Id = placed.Id }, _bob).ResponseAsync);

        Assert.That((await _orders.GetOrderAsync(new GetOrderRequest { Id = placed.Id }, _ann)).Status, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task CancelOrder_CustomerWhilePreparing_IsFailedPrecondition_StaffMayCancel()
    {
        var placed = await _orders.PlaceOrderAsync(Request("Preparing", 1), _ann);
        await Factory.MoveOrderAsync(placed.Id, DomainStatus.Preparing);

        var refused = await GrpcCalls.FailsWithAsync(
            StatusCode.FailedPrecondition, () => _orders.CancelOrderAsync(new CancelOrderRequest { Id = placed.Id }, _ann).ResponseAsync);
        var cancelled = await _orders.CancelOrderAsync(new CancelOrderRequest { Id = placed.Id }, _barista);

        Assert.That(refused.Status.Detail, Does.Contain("only staff"));
        Assert.That(cancelled.Status, Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public async Task UpdateOrderStatus_Staff_MovesAlong_RefusedMoveIsFailedPrecondition()
    {
        var placed = await _orders.PlaceOrderAsync(Request("Queue", 1), _ann);

        var preparing = await _orders.UpdateOrderStatusAsync(new UpdateOrderStatusRequest { Id = placed.Id, Status = OrderStatus.Preparing }, _barista);
        var refused = await GrpcCalls.FailsWithAsync(
            StatusCode.FailedPrecondition,
            () => _orders.UpdateOrderStatusAsync(new UpdateOrderStatusRequest { Id = placed.Id, Status = OrderStatus.Pending }, _barista).ResponseAsync);

        Assert.That(preparing.Status, Is.EqualTo(OrderStatus.Preparing));
        Assert.That(refused.Status.Detail, Is.EqualTo("An order cannot move from Preparing to Pending."));
    }

    [Test]
    public async Task UpdateOrderStatus_Customer_IsPermissionDenied()
    {
        var placed = await _orders.PlaceOrderAsync(Request("Own move", 1), _ann);

        await GrpcCalls.FailsWithAsync(
            StatusCode.PermissionDenied,
            () => _orders.UpdateOrderStatusAsync(new UpdateOrderStatusRequest { Id = placed.Id, Status = OrderStatus.Preparing }, _ann).ResponseAsync);
    }

    [Test]
    public async Task UpdateOrderStatus_Unspecified_IsInvalidArgumentNamingStatus()
    {
        var placed = await _orders.PlaceOrderAsync(Request("No status", 1), _ann);

        var refused = await GrpcCalls.FailsWithAsync(
            StatusCode.InvalidArgument, () => _orders.UpdateOrderStatusAsync(new UpdateOrderStatusRequest { Id = placed.Id }, _barista).ResponseAsync);

        Assert.That(GrpcCalls.FieldViolations(refused).Keys, Is.EqualTo(new[] { "status" }));
    }

    // ---- gRPC-Web ----

    [Test]
    public async Task GrpcWeb_WithBearer_PlacesAnOrder_WithoutCredentials_IsUnauthenticated()
    {
        using var channel = GrpcCalls.WebChannel(Factory);
        var orders = new Orders.OrdersClient(channel);

        var placed = await orders.PlaceOrderAsync(Request("Browser", 1), _ann);
        await GrpcCalls.FailsWithAsync(StatusCode.Unauthenticated, () => orders.GetOrderAsync(new GetOrderRequest { Id = placed.Id }).ResponseAsync);

        Assert.That(placed.Status, Is.EqualTo(OrderStatus.Pending));
    }

    private const int SeededBlack = 1;
    private const int SeededLatte = 2;

    private PlaceOrderRequest Request(string customerName, int quantity) => new()
    {
        CustomerName = customerName,
        Lines = { new OrderLineRequest { MenuItemId = _latte.Id, Quantity = quantity } },
    };

    private Task<int> CountOrdersAsync(string customerName) =>
        Factory.QueryDatabaseAsync(db => db.Set<DomainOrder>().CountAsync(o => o.CustomerName == customerName));
}
