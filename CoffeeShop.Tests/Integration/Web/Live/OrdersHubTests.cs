using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Web.Live;

/// <summary>
/// The <c>/hubs/orders</c> hub through the SignalR client: who may watch what, what each listener receives and in
/// which order, and that nothing is sent for a change whose save failed. The repository is wrapped so a test can
/// make the next saves fail.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class OrdersHubTests : IntegrationTestBase
{
    private readonly SaveFailures _failures = new();
    private MenuItem _latte = null!;
    private string _customerToken = null!;
    private string _customerId = null!;
    private string _otherCustomerToken = null!;
    private string _otherCustomerId = null!;
    private string _baristaToken = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _latte = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Hub Test Latte").BuildDetails());
        (_customerToken, _customerId) = await SignedInAsync(AppRoles.Customer);
        (_otherCustomerToken, _otherCustomerId) = await SignedInAsync(AppRoles.Customer);
        (_baristaToken, _) = await SignedInAsync(AppRoles.Barista);
    }

    [TearDown]
    public void SavesWorkAgain() => _failures.FailNext = 0;

    [Test]
    public async Task WatchOrder_ByCode_ReturnsTheOrderAndDeliversEachStatusChangeInOrder()
    {
        var order = await PlaceAsync();
        await using var guest = Factory.CreateHubConnection();
        var received = guest.Record();
        await guest.StartAsync();

        var current = await guest.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", order.Code);
        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed);

        Assert.That(current.GetProperty("status").GetString(), Is.EqualTo("Pending"));
        var statuses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var message = await received.NextAsync();
            Assert.That((message.Method, message.OrderId), Is.EqualTo(("orderUpdated", order.Id)));
            statuses.Add(message.Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { "Preparing", "Ready", "Completed" }));
    }

    [Test]
    public async Task OrderUpdated_CarriesTheOrderAsTheApiReturnsIt()
    {
        var order = await PlaceAsync();
        await using var guest = Factory.CreateHubConnection();
        var received = guest.Record();
        await guest.StartAsync();
        await guest.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", order.Code);

        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing);
        var pushed = (await received.NextAsync()).Order;

        using var staff = Factory.CreateClientWithToken(_baristaToken);
        var fromApi = System.Text.Json.JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/orders/{order.Id}")).RootElement;
        Assert.That(pushed.ToString(), Is.EqualTo(fromApi.ToString()));
    }

    [Test]
    public async Task Barista_JoinsTheQueueOnConnecting_AndReceivesNewOrdersAndEveryChange()
    {
        await using var barista = Factory.CreateHubConnection(_baristaToken);
        var received = barista.Record();
        await barista.StartAsync();

        var order = await PlaceAsync();
        var placed = await received.NextAsync();
        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing);
        var moved = await received.NextAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((placed.Method, placed.OrderId, placed.Status), Is.EqualTo(("orderPlaced", order.Id, "Pending")));
            Assert.That((moved.Method, moved.OrderId, moved.Status), Is.EqualTo(("orderUpdated", order.Id, "Preparing")));
        }
    }

    [Test]
    public async Task Barista_WatchingAnOrderToo_ReceivesEachChangeOnce()
    {
        await using var barista = Factory.CreateHubConnection(_baristaToken);
        var received = barista.Record();
        await barista.StartAsync();
        var order = await PlaceAsync();
        Assert.That((await received.NextAsync()).Method, Is.EqualTo("orderPlaced"));
        await barista.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", order.Code);

        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing, OrderStatus.Ready);

        Assert.That((await received.NextAsync()).Status, Is.EqualTo("Preparing"));
        Assert.That((await received.NextAsync()).Status, Is.EqualTo("Ready"), "the next message is the next change, not the same one again");
    }

    [Test]
    public async Task WatchOrder_UnknownCode_IsAnError()
    {
        await using var guest = Factory.CreateHubConnection();
        await guest.StartAsync();

        var error = Assert.ThrowsAsync<HubException>(() => guest.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", "no-such-code-000000000000"));
        Assert.That(error!.Message, Does.Contain("No order has that code."));
    }

    [Test]
    public async Task Customer_CannotWatchAnotherCustomersOrder_ByIdOrGuessedCode_NorReceiveIt()
    {
        var others = await PlaceAsync(_otherCustomerId);
        var mine = await PlaceAsync(_customerId);
        await using var customer = Factory.CreateHubConnection(_customerToken);
        var received = customer.Record();
        await customer.StartAsync();
        await customer.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", mine.Code);

        var guessedCode = others.Code[..^1] + (others.Code[^1] == 'A' ? 'B' : 'A');
        using (Assert.EnterMultipleScope())
        {
            Assert.ThrowsAsync<HubException>(() => customer.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", others.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.ThrowsAsync<HubException>(() => customer.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", guessedCode));
        }

        // The other order moves first; the first message this customer gets must be about their own order.
        await Factory.MoveOrderAsync(others.Id, OrderStatus.Preparing);
        await Factory.MoveOrderAsync(mine.Id, OrderStatus.Preparing);
        var first = await received.NextAsync();
        Assert.That(first.OrderId, Is.EqualTo(mine.Id));
    }

    [Test]
    public async Task Customer_DoesNotJoinTheQueue_AndIsRefusedIt()
    {
        var mine = await PlaceAsync(_customerId);
        await using var customer = Factory.CreateHubConnection(_customerToken);
        var received = customer.Record();
        await customer.StartAsync();
        await customer.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", mine.Code);

        Assert.ThrowsAsync<HubException>(() => customer.InvokeAsync("JoinQueue"));
        await PlaceAsync(_otherCustomerId);
        await Factory.MoveOrderAsync(mine.Id, OrderStatus.Preparing);

        Assert.That((await received.NextAsync()).OrderId, Is.EqualTo(mine.Id), "no orderPlaced for someone else's order came first");
    }

    [Test]
    public async Task Anonymous_CannotJoinTheQueue_NorReceiveNewOrders()
    {
        var watched = await PlaceAsync();
        await using var guest = Factory.CreateHubConnection();
        var received = guest.Record();
        await guest.StartAsync();
        await guest.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", watched.Code);

        var error = Assert.ThrowsAsync<HubException>(() => guest.InvokeAsync("JoinQueue"));
        await PlaceAsync();
        await Factory.MoveOrderAsync(watched.Id, OrderStatus.Preparing);

        Assert.That(error!.Message, Does.Contain("Only baristas and admins"));
        Assert.That(await received.NextAsync(), Has.Property(nameof(LiveMessage.Method)).EqualTo("orderUpdated").And.Property(nameof(LiveMessage.OrderId)).EqualTo(watched.Id));
    }

    [Test]
    public async Task UnwatchOrder_StopsTheUpdates()
    {
        var first = await PlaceAsync();
        var second = await PlaceAsync();
        await using var guest = Factory.CreateHubConnection();
        var received = guest.Record();
        await guest.StartAsync();
        await guest.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", first.Code);
        await guest.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", second.Code);

        await guest.InvokeAsync("UnwatchOrder", first.Code);
        await Factory.MoveOrderAsync(first.Id, OrderStatus.Preparing);
        await Factory.MoveOrderAsync(second.Id, OrderStatus.Preparing);

        Assert.That((await received.NextAsync()).OrderId, Is.EqualTo(second.Id));
    }

    [Test]
    public async Task NoMessage_IsSentForAChangeWhoseSaveFailed()
    {
        var failing = await PlaceAsync();
        var next = await PlaceAsync();
        await using var barista = Factory.CreateHubConnection(_baristaToken);
        var received = barista.Record();
        await barista.StartAsync();

        _failures.FailNext = 2;
        Assert.ThrowsAsync<ConcurrencyException>(() => Factory.MoveOrderAsync(failing.Id, OrderStatus.Preparing));
        Assert.ThrowsAsync<ConcurrencyException>(() => PlaceAsync());
        await Factory.MoveOrderAsync(next.Id, OrderStatus.Preparing);

        var first = await received.NextAsync();
        Assert.That((first.Method, first.OrderId), Is.EqualTo(("orderUpdated", next.Id)), "the failed move and the failed order sent nothing");
    }

    [Test]
    public async Task ApiKey_OfStaff_JoinsTheQueue()
    {
        var key = await Factory.WithScopeAsync(s => s.GetRequiredService<CoffeeShop.Domain.ApiKeys.ApiKeyService>()
            .CreateAsync("hub test", AppRoles.Barista, null, CancellationToken.None));
        await using var client = Factory.CreateHubConnection(headers: new Dictionary<string, string> { [AuthSchemes.ApiKeyHeader] = key.PlainKey });
        var received = client.Record();
        await client.StartAsync();

        var order = await PlaceAsync();

        Assert.That(await received.NextAsync(), Has.Property(nameof(LiveMessage.OrderId)).EqualTo(order.Id));
    }

    [Test]
    public async Task CrossOriginConnection_IsRefused()
    {
        await using var connection = Factory.CreateHubConnection(headers: new Dictionary<string, string> { ["Origin"] = "https://evil.example" });

        Assert.ThrowsAsync(Is.InstanceOf<Exception>(), () => connection.StartAsync());
    }

    protected override CoffeeShopWebFactory CreateFactory() => new FailingSavesWebFactory(_failures);

    private Task<Order> PlaceAsync(string? customerId = null) =>
        Factory.PlaceOrderAsync("Hub guest", [new OrderLineRequest(_latte.Id, 1)], customerId: customerId);

    private async Task<(string Token, string UserId)> SignedInAsync(string role)
    {
        var email = await Factory.CreateUserAsync(role);
        var token = await CoffeeShopWebFactory.GetTokenAsync(Client, email);
        return (token, await Factory.UserIdOfAsync(email));
    }
}
