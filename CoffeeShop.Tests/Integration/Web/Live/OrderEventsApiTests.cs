using System.Net;
using System.Text.Json;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.Live;

/// <summary><c>GET /api/v1/orders/{id}/events</c>: Server-Sent Events of one order's changes.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class OrderEventsApiTests : IntegrationTestBase
{
    private MenuItem _latte = null!;
    private HttpClient _owner = null!;
    private string _ownerId = null!;
    private HttpClient _stranger = null!;
    private HttpClient _barista = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _latte = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Events Test Latte").BuildDetails());
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        _owner = Factory.CreateClientWithToken(await CoffeeShopWebFactory.GetTokenAsync(Client, email));
        _ownerId = await Factory.UserIdOfAsync(email);
        _stranger = await Factory.CreateClientAsAsync(AppRoles.Customer);
        _barista = await Factory.CreateClientAsAsync(AppRoles.Barista);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _owner.Dispose();
        _stranger.Dispose();
        _barista.Dispose();
    }

    [Test]
    public async Task FirstEvent_IsTheOrderAsItIsNow_AsGetReturnsIt()
    {
        var order = await PlaceAsync();
        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing);

        using var response = await OpenAsync(_owner, order.Id);
        using var events = response.ReadEvents();
        var first = await events.NextEventAsync();
        var fromGet = await _owner.GetStringAsync($"/api/v1/orders/{order.Id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
            Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
            Assert.That(first!.Event, Is.EqualTo("order"));
            Assert.That(first.Id, Is.EqualTo("2"), "the id is the order's version: placed 1, one move 2");
            Assert.That(first.Data, Is.EqualTo(JsonDocument.Parse(fromGet).RootElement.ToString()));
        }
    }

    [Test]
    public async Task Events_ArriveInOrder_AndTheStreamEndsAfterAFinalStatus()
    {
        var order = await PlaceAsync();
        using var response = await OpenAsync(_barista, order.Id);
        using var events = response.ReadEvents();
        var seen = new List<string> { Status(await events.NextEventAsync()) };

        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed);
        for (var i = 0; i < 3; i++)
        {
            seen.Add(Status(await events.NextEventAsync()));
        }

        Assert.That(seen, Is.EqualTo(new[] { "Pending", "Preparing", "Ready", "Completed" }));
        Assert.That(await events.NextEventAsync(), Is.Null, "the stream ends after Completed");
    }

    [Test]
    public async Task CancelledOrder_SendsItsStateAndEnds()
    {
        var order = await PlaceAsync();
        await Factory.WithScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OrderingService>(s).CancelAsync(order.Id, OrderActor.Staff, null, CancellationToken.None));

        using var response = await OpenAsync(_owner, order.Id);
        using var events = response.ReadEvents();

        Assert.That(Status(await events.NextEventAsync()), Is.EqualTo("Cancelled"));
        Assert.That(await events.NextEventAsync(), Is.Null);
    }

    [Test]
    public async Task LastEventId_ResumesAfterThatEvent()
    {
        var order = await PlaceAsync();
        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing);

        using var upToDate = await OpenAsync(_owner, order.Id, lastEventId: "2");
        using var upToDateEvents = upToDate.ReadEvents();
        await Factory.MoveOrderAsync(order.Id, OrderStatus.Ready);
        var next = await upToDateEvents.NextEventAsync();

        using var behind = await OpenAsync(_owner, order.Id, lastEventId: "1");
        using var behindEvents = behind.ReadEvents();
        var caughtUp = await behindEvents.NextEventAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((next!.Id, Status(next)), Is.EqualTo(("3", "Ready")), "a client that had event 2 gets 3 next, not 2 again");
            Assert.That((caughtUp!.Id, Status(caughtUp)), Is.EqualTo(("3", "Ready")), "a client behind gets the current state at once");
        }
    }

    [Test]
    public async Task LastEventId_NotANumber_Is400()
    {
        var order = await PlaceAsync();
        using var response = await OpenAsync(_owner, order.Id, lastEventId: "abc");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors, Does.ContainKey("Last-Event-ID"));
    }

    [Test]
    public async Task Stranger_Gets404_AndAnonymous401()
    {
        var order = await PlaceAsync();
        using var stranger = await OpenAsync(_stranger, order.Id);
        using var missing = await OpenAsync(_barista, int.MaxValue);
        using var anonymous = await OpenAsync(Client, order.Id);

        await stranger.AssertProblemAsync(HttpStatusCode.NotFound);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task QuietStream_SendsACommentHeartbeat()
    {
        var order = await PlaceAsync();
        using var response = await OpenAsync(_owner, order.Id);
        using var events = response.ReadEvents();
        await events.NextEventAsync();

        var heartbeat = await events.NextAsync(TimeSpan.FromSeconds(5));

        Assert.That(heartbeat!.IsComment, Is.True);
    }

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?> { ["Live:HeartbeatSeconds"] = "0.3" });

    private static string Status(ServerSentEvent? e) => e?.Json.GetProperty("status").GetString() ?? "(end of stream)";

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, int orderId, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{orderId}/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private Task<Order> PlaceAsync() => Factory.PlaceOrderAsync("Stream", [new OrderLineRequest(_latte.Id, 1)], customerId: _ownerId);
}
