using System.Net;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoffeeShop.Tests.Integration.Web.Live;

/// <summary>The live connections' limits: per caller, idle connections, message size.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class LiveLimitsTests : IntegrationTestBase
{
    private MenuItem _latte = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync() =>
        _latte = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Limits Test Latte").BuildDetails());

    [Test]
    public async Task ConnectionsOverTheCallersCap_AreClosed()
    {
        var order = await Factory.PlaceOrderAsync("Cap", [new OrderLineRequest(_latte.Id, 1)]);
        await using var first = Factory.CreateHubConnection();
        await using var second = Factory.CreateHubConnection();
        await using var third = Factory.CreateHubConnection();
        await first.StartAsync();
        await first.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", order.Code);
        await second.StartAsync();
        await second.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", order.Code);

        var closed = ClosedAsync(third);
        try
        {
            await third.StartAsync();
            await closed.WaitAsync(LiveRecorder.DefaultTimeout);
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            // Refused during the start: as good as closed.
        }

        Assert.That(third.State, Is.EqualTo(HubConnectionState.Disconnected));
        Assert.That(first.State, Is.EqualTo(HubConnectionState.Connected), "the connections within the cap stay open");
    }

    [Test]
    public async Task ConnectionWatchingNothing_IsClosedWhenIdle()
    {
        await using var idle = Factory.CreateHubConnection();
        var closed = ClosedAsync(idle);
        await idle.StartAsync();

        await closed.WaitAsync(LiveRecorder.DefaultTimeout);

        Assert.That(idle.State, Is.EqualTo(HubConnectionState.Disconnected));
    }

    [Test]
    public async Task MessageOverTheSizeLimit_ClosesTheConnection()
    {
        await using var connection = Factory.CreateHubConnection();
        var closed = ClosedAsync(connection);
        await connection.StartAsync();

        _ = connection.InvokeAsync<System.Text.Json.JsonElement>("WatchOrder", new string('x', 8192)).ContinueWith(_ => { }, TaskScheduler.Default);
        await closed.WaitAsync(LiveRecorder.DefaultTimeout);

        Assert.That(connection.State, Is.EqualTo(HubConnectionState.Disconnected));
    }

    [Test]
    public async Task EventStreams_CountAgainstTheSameCap()
    {
        var email = await Factory.CreateUserAsync(CoffeeShop.Web.Security.AppRoles.Barista);
        using var barista = Factory.CreateClientWithToken(await CoffeeShopWebFactory.GetTokenAsync(Client, email));
        var order = await Factory.PlaceOrderAsync("Cap", [new OrderLineRequest(_latte.Id, 1)]);
        var url = $"/api/v1/orders/{order.Id}/events";

        using var first = await barista.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        using var second = await barista.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        using var third = await barista.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);

        Assert.That(new[] { first.StatusCode, second.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["Live:MaxConnectionsPerCaller"] = "2",
        ["Live:IdleTimeoutSeconds"] = "1",
        ["Live:MaxMessageBytes"] = "2048",
    });

    private static Task ClosedAsync(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}

/// <summary>New hub connections per IP are limited, apart from the request rate limiter.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class LiveConnectAttemptsTests : IntegrationTestBase
{
    [Test]
    public async Task Negotiations_OverTheWindow_Get429WithRetryAfter()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await Client.PostAsync(LiveClients.HubPath + "/negotiate?negotiateVersion=1", null);
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(last!.Headers.RetryAfter, Is.Not.Null);
        last.Dispose();
    }

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["Live:ConnectAttempts:PermitLimit"] = "3",
        ["Live:ConnectAttempts:WindowSeconds"] = "60",
    });
}
