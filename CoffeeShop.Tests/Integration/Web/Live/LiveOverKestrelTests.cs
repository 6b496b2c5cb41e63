using System.Net;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoffeeShop.Tests.Integration.Web.Live;

/// <summary>
/// The hub's WebSocket and the event stream over a real socket (Kestrel on loopback): the in-memory test server
/// hides how connections, upgrades and flushing really behave.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class LiveOverKestrelTests
{
    private CoffeeShopWebFactory _factory = null!;
    private Uri _baseUrl = null!;
    private HttpClient _http = null!;
    private MenuItem _latte = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new CoffeeShopWebFactory();
        _baseUrl = _factory.StartOnLoopback();
        _http = new HttpClient { BaseAddress = _baseUrl };
        _latte = await _factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Kestrel Test Latte").BuildDetails());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Hub_OverAWebSocket_WithTheTokenInTheQueryString_DeliversTheQueue()
    {
        var token = await CoffeeShopWebFactory.GetTokenAsync(_http, await _factory.CreateUserAsync(AppRoles.Barista));
        await using var barista = LiveClients.CreateHubConnection(_baseUrl, token);
        var received = barista.Record();
        await barista.StartAsync();

        var order = await PlaceAsync();
        await _factory.MoveOrderAsync(order.Id, OrderStatus.Preparing);

        Assert.That((await received.NextAsync()).ToString(), Is.EqualTo($"orderPlaced #{order.Id} Pending"));
        Assert.That((await received.NextAsync()).ToString(), Is.EqualTo($"orderUpdated #{order.Id} Preparing"));
    }

    [Test]
    public async Task Hub_OverAWebSocket_GuestWatchesByCode()
    {
        var order = await PlaceAsync();
        await using var guest = LiveClients.CreateHubConnection(_baseUrl);
        var received = guest.Record();
        await guest.StartAsync();
        await guest.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", order.Code);

        await _factory.MoveOrderAsync(order.Id, OrderStatus.Cancelled);

        Assert.That((await received.NextAsync()).ToString(), Is.EqualTo($"orderUpdated #{order.Id} Cancelled"));
    }

    [Test]
    public async Task EventStream_OverASocket_ArrivesEventByEvent_AndEnds()
    {
        var email = await _factory.CreateUserAsync(AppRoles.Customer);
        var token = await CoffeeShopWebFactory.GetTokenAsync(_http, email);
        var order = await PlaceAsync(await _factory.UserIdOfAsync(email));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{order.Id}/events");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var events = response.ReadEvents();

        // The first event arrives while the order is still open, so nothing holds the stream back.
        Assert.That((await events.NextEventAsync())?.Json.GetProperty("status").GetString(), Is.EqualTo("Pending"));
        await _factory.MoveOrderAsync(order.Id, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed);
        var later = new List<string?>();
        while (await events.NextEventAsync() is { } next)
        {
            later.Add(next.Json.GetProperty("status").GetString());
        }

        Assert.That(later, Is.EqualTo(new[] { "Preparing", "Ready", "Completed" }));
        Assert.That(response.Headers.TryGetValues("X-Accel-Buffering", out var buffering) ? buffering.Single() : null, Is.EqualTo("no"));
    }

    [Test]
    public async Task AccessTokenInTheQueryString_IsIgnoredOffTheHubPath()
    {
        var token = await CoffeeShopWebFactory.GetTokenAsync(_http, await _factory.CreateUserAsync(AppRoles.Customer));

        using var response = await _http.GetAsync("/api/v1/orders?access_token=" + Uri.EscapeDataString(token));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private Task<Order> PlaceAsync(string? customerId = null) =>
        _factory.PlaceOrderAsync("Kestrel", [new OrderLineRequest(_latte.Id, 1)], customerId: customerId);
}
