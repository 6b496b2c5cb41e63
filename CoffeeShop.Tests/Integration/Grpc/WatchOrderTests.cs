using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Grpc.V1;
using CoffeeShop.Web.Security;
using Grpc.Core;
using Grpc.Net.Client;
using DomainStatus = CoffeeShop.Domain.Orders.OrderStatus;

namespace CoffeeShop.Tests.Integration.Grpc;

/// <summary>
/// <c>Orders.WatchOrder</c>: the current order first, then each change in order, and the end of the stream at a final
/// status; ownership as for GetOrder. Each step waits for the message it caused, never for time.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class WatchOrderTests : IntegrationTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private GrpcChannel _channel = null!;
    private Orders.OrdersClient _orders = null!;
    private int _latteId;
    private Metadata _ann = null!;
    private Metadata _bob = null!;
    private Metadata _barista = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _channel = GrpcCalls.Channel(Factory);
        _orders = new Orders.OrdersClient(_channel);
        _latteId = (await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Grpc Watch Latte").BuildDetails())).Id;
        (_ann, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Customer);
        (_bob, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Customer);
        (_barista, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Barista);
    }

    [OneTimeTearDown]
    public void DisposeChannel() => _channel.Dispose();

    [Test]
    public async Task WatchOrder_Owner_GetsEveryStatusInOrder_AndTheStreamEndsAtCompleted()
    {
        var placed = await PlaceAsync();
        using var timeout = new CancellationTokenSource(Patience);
        using var watch = _orders.WatchOrder(new WatchOrderRequest { Id = placed.Id }, _ann, cancellationToken: timeout.Token);
        var seen = new List<OrderStatus> { await NextStatusAsync(watch, timeout.Token) };

        foreach (var next in new[] { DomainStatus.Preparing, DomainStatus.Ready, DomainStatus.Completed })
        {
            await Factory.MoveOrderAsync(placed.Id, next);
            seen.Add(await NextStatusAsync(watch, timeout.Token));
        }

        Assert.That(seen, Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed }));
        Assert.That(await watch.ResponseStream.MoveNext(timeout.Token), Is.False, "the stream ends after the final status");
    }

    [Test]
    public async Task WatchOrder_Staff_SeesACancelThroughTheApi_AndTheStreamEnds()
    {
        var placed = await PlaceAsync();
        using var timeout = new CancellationTokenSource(Patience);
        using var watch = _orders.WatchOrder(new WatchOrderRequest { Id = placed.Id }, _barista, cancellationToken: timeout.Token);
        Assert.That(await NextStatusAsync(watch, timeout.Token), Is.EqualTo(OrderStatus.Pending));

        await _orders.CancelOrderAsync(new CancelOrderRequest { Id = placed.Id }, _ann);

        var last = await NextAsync(watch, timeout.Token);
        Assert.That((last.Status, last.Id, last.Lines.Count), Is.EqualTo((OrderStatus.Cancelled, placed.Id, 1)));
        Assert.That(await watch.ResponseStream.MoveNext(timeout.Token), Is.False);
    }

    [Test]
    public async Task WatchOrder_AlreadyFinal_SendsItOnceAndEnds()
    {
        var placed = await PlaceAsync();
        await _orders.CancelOrderAsync(new CancelOrderRequest { Id = placed.Id }, _ann);
        using var timeout = new CancellationTokenSource(Patience);
        using var watch = _orders.WatchOrder(new WatchOrderRequest { Id = placed.Id }, _ann, cancellationToken: timeout.Token);

        Assert.That(await NextStatusAsync(watch, timeout.Token), Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(await watch.ResponseStream.MoveNext(timeout.Token), Is.False);
    }

    [Test]
    public async Task WatchOrder_OtherCustomer_IsNotFound()
    {
        var placed = await PlaceAsync();
        using var watch = _orders.WatchOrder(new WatchOrderRequest { Id = placed.Id }, _bob);

        await GrpcCalls.FailsWithAsync(StatusCode.NotFound, () => watch.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Test]
    public async Task WatchOrder_UnknownOrder_IsNotFound_WithoutCredentials_IsUnauthenticated()
    {
        using var unknown = _orders.WatchOrder(new WatchOrderRequest { Id = 999_999 }, _barista);
        using var anonymous = _orders.WatchOrder(new WatchOrderRequest { Id = 1 });

        await GrpcCalls.FailsWithAsync(StatusCode.NotFound, () => unknown.ResponseStream.MoveNext(CancellationToken.None));
        await GrpcCalls.FailsWithAsync(StatusCode.Unauthenticated, () => anonymous.ResponseStream.MoveNext(CancellationToken.None));
    }

    private async Task<Order> PlaceAsync() =>
        await _orders.PlaceOrderAsync(
            new PlaceOrderRequest { CustomerName = "Watcher", Lines = { new OrderLineRequest { MenuItemId = _latteId, Quantity = 1 } } }, _ann);

    private static async Task<Order> NextAsync(AsyncServerStreamingCall<Order> watch, CancellationToken cancellationToken)
    {
        Assert.That(await watch.ResponseStream.MoveNext(cancellationToken), Is.True, "the stream ended early");
        return watch.ResponseStream.Current;
    }

    private static async Task<OrderStatus> NextStatusAsync(AsyncServerStreamingCall<Order> watch, CancellationToken cancellationToken) =>
        (await NextAsync(watch, cancellationToken)).Status;
}
