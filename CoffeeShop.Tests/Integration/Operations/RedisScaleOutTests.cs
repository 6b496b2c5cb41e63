using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CoffeeShop.Tests.Integration.Operations;

/// <summary>
/// Two app processes on one database and one real Redis (a throwaway redis-server), as two instances behind a load
/// balancer: one rate-limit budget per client across both; a menu write seen by the other's next GET (with the output
/// cache in each instance's memory, and stored in Redis); order changes crossing to the other's event stream and,
/// through SignalR's backplane, to its hub connections, once each; Redis killed mid-run degrades both to local limits
/// and local hub delivery (still serving, ready but Degraded, logged once); Redis back and both share again, by themselves.
/// </summary>
[Category(TestCategories.Integration)]
[NonParallelizable]
[TestFixture("Memory")]
[TestFixture("Redis")]
public sealed class RedisScaleOutTests(string outputCacheStore)
{
    private const int Budget = 12;

    private RedisServer _redis = null!;
    private ScratchDatabase _database = null!;
    private AppProcess _first = null!;
    private AppProcess _second = null!;
    private string _adminToken = null!;
    private string _prefix = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _redis = await RedisServer.StartNewAsync();
        _database = new ScratchDatabase("redis");
        var settings = AppProcess.SharedSettings(_database.Path);
        settings["Redis__Configuration"] = _redis.Configuration;
        _prefix = $"test-{Guid.NewGuid():N}";
        settings["Redis__Prefix"] = _prefix;
        settings["Redis__OutputCacheStore"] = outputCacheStore;
        settings["RateLimiting__Enabled"] = "true";
        settings["RateLimiting__Authenticated__PermitLimit"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // One window for the whole run (windows are aligned to the clock: a short one could end mid-test).
        settings["RateLimiting__Authenticated__WindowSeconds"] = "2000000";
        settings["Serilog__MinimumLevel__Override__CoffeeShop.Web.ScaleOut"] = "Information";
        _first = await AppProcess.StartAsync(settings, CancellationToken.None);
        _second = await AppProcess.StartAsync(settings, CancellationToken.None);
        _adminToken = await _first.AdminTokenAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _redis.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    [Order(1)]
    public async Task RateLimit_AcrossTwoInstances_IsOneBudget()
    {
        var key = await NewApiKeyAsync();

        var allowed = await CountAllowedAsync(key, _first, 8) + await CountAllowedAsync(key, _second, 8);

        Assert.That(allowed, Is.EqualTo(Budget), "16 calls, 8 on each instance, one budget of 12 between them");
    }

    [Test]
    [Order(2)]
    public async Task MenuWrite_OnOneInstance_EvictsTheOtherInstancesCachedMenu()
    {
        using var before = await _second.Client.GetAsync("/coffee/hot");
        Assert.That(await before.Content.ReadAsStringAsync(), Does.Not.Contain("Scale-out Mocha"));
        Assert.That(await OutputCacheKeysInRedisAsync(), outputCacheStore == "Redis" ? Is.Positive : Is.Zero, "where the cached menu is kept");

        using var create = new HttpRequestMessage(HttpMethod.Post, "/coffee/hot")
        {
            Content = JsonContent.Create(new { title = "Scale-out Mocha", description = "Made on one instance.", ingredients = new[] { "Espresso" }, image = "/images/hot.svg" }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        using var created = await _first.Client.SendAsync(create);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        // The eviction travels over Redis pub/sub: bounded to a second, far below the cache's 10-minute expiry.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        while (true)
        {
            using var after = await _second.Client.GetAsync("/coffee/hot", timeout.Token);
            if ((await after.Content.ReadAsStringAsync(timeout.Token)).Contains("Scale-out Mocha", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    [Test]
    [Order(3)]
    public async Task OrderChangedOnOneInstance_ReachesAnEventStreamOnTheOther()
    {
        var staffKey = await NewApiKeyAsync("Barista");
        var orderId = (await PlaceOrderAsync(_first, staffKey)).Id;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{orderId}/events");
        request.Headers.Add("X-Api-Key", staffKey);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var stream = await _second.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));

        var current = await NextOrderEventAsync(reader, timeout.Token);
        await MoveAsync(_first, staffKey, orderId, "Preparing");
        var moved = await NextOrderEventAsync(reader, timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(current.GetProperty("status").GetString(), Is.EqualTo("Pending"));
            Assert.That(moved.GetProperty("status").GetString(), Is.EqualTo("Preparing"), "a move made on the first instance");
        });
    }

    [Test]
    [Order(4)]
    public async Task OrderPlacedOnOneInstance_ReachesTheQueueOnTheHubOfTheOther_ThroughTheBackplane()
    {
        var staffKey = await NewApiKeyAsync("Barista");
        await using var queue = await HubListener.ConnectAsync(_second, staffKey);
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var published = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queueChannel = StackExchange.Redis.RedisChannel.Pattern($"{_prefix}:*OrdersHub:group:queue");
        await redis.GetSubscriber().SubscribeAsync(queueChannel, (channel, _) => published.TrySetResult(channel.ToString()));

        var orderId = (await PlaceOrderAsync(_first, staffKey)).Id;
        await queue.WaitForAsync("orderPlaced", orderId);

        Assert.That(await published.Task.WaitAsync(TimeSpan.FromSeconds(10)), Does.EndWith("OrdersHub:group:queue"), "sent as a backplane message");
    }

    [Test]
    [Order(5)]
    public async Task HubMessages_AcrossTwoInstances_ArriveOncePerChangeOnEveryConnection()
    {
        var staffKey = await NewApiKeyAsync("Barista");
        await using var queueOnFirst = await HubListener.ConnectAsync(_first, staffKey);
        await using var queueOnSecond = await HubListener.ConnectAsync(_second, staffKey);
        await using var watcherOnSecond = await HubListener.ConnectAsync(_second, apiKey: null);

        var (orderId, code) = await PlaceOrderAsync(_first, staffKey);
        await watcherOnSecond.WatchAsync(code);
        await MoveAsync(_first, staffKey, orderId, "Preparing");
        await MoveAsync(_second, staffKey, orderId, "Ready");

        // The last change was made on the other instance; a second copy of an earlier one would have come before it
        // (one publisher's backplane messages arrive in order).
        HubListener[] all = [queueOnFirst, queueOnSecond, watcherOnSecond];
        await Task.WhenAll(all.Select(listener => listener.WaitForAsync("orderUpdated", orderId, "Ready")));

        Assert.Multiple(() =>
        {
            foreach (var queue in new[] { queueOnFirst, queueOnSecond })
            {
                Assert.That(queue.Count("orderPlaced", orderId), Is.EqualTo(1), "placed, to the queue of each instance");
            }

            foreach (var listener in all)
            {
                Assert.That(listener.Count("orderUpdated", orderId, "Preparing"), Is.EqualTo(1), "a move made on the first instance");
                Assert.That(listener.Count("orderUpdated", orderId, "Ready"), Is.EqualTo(1), "a move made on the second instance");
            }

            Assert.That(watcherOnSecond.Count("orderPlaced", orderId), Is.Zero, "a watcher is not in the queue");
        });
    }

    [Test]
    [Order(6)]
    public async Task RedisKilledAndRestarted_InstancesDegradeToLocalLimitsAndRecover()
    {
        var duringOutage = await NewApiKeyAsync();
        var afterOutage = await NewApiKeyAsync();

        await _redis.KillAsync();
        await WaitForRedisCheckAsync(_first, "Degraded");
        await WaitForRedisCheckAsync(_second, "Degraded");

        // Each instance now counts alone: the client gets a budget on each, and nothing fails.
        var outageFirst = await CountAllowedAsync(duringOutage, _first, Budget + 2);
        var outageSecond = await CountAllowedAsync(duringOutage, _second, Budget + 2);
        using var menu = await _second.Client.GetAsync("/menu");

        await _redis.StartAsync();
        await WaitForRedisCheckAsync(_first, "Healthy");
        await WaitForRedisCheckAsync(_second, "Healthy");
        var shared = await CountAllowedAsync(afterOutage, _first, 8) + await CountAllowedAsync(afterOutage, _second, 8);

        Assert.Multiple(() =>
        {
            Assert.That(outageFirst, Is.EqualTo(Budget), "local limit on the first instance");
            Assert.That(outageSecond, Is.EqualTo(Budget), "local limit on the second instance");
            Assert.That(menu.StatusCode, Is.EqualTo(HttpStatusCode.OK), "pages still served without Redis");
            Assert.That(shared, Is.EqualTo(Budget), "one budget again once Redis is back");
            foreach (var app in new[] { _first, _second })
            {
                Assert.That(Occurrences(app.Output, "Redis unavailable"), Is.EqualTo(1), "the outage is logged once:\n" + app.Output);
                Assert.That(Occurrences(app.Output, "Redis reachable again"), Is.EqualTo(1), "and so is the recovery");
                Assert.That(app.Output, Does.Not.Contain("Unhandled").And.Not.Contain("RedisConnectionException"));
            }
        });
    }

    [Test]
    [Order(7)]
    public async Task RedisKilledAndRestarted_HubStillDeliversLocallyAndRejoinsTheBackplane()
    {
        var staffKey = await NewApiKeyAsync("Barista");
        await using var openBefore = await HubListener.ConnectAsync(_first, staffKey);

        await _redis.KillAsync();
        await WaitForRedisCheckAsync(_first, "Degraded");
        await using var openedDuring = await HubListener.ConnectAsync(_first, staffKey);
        var duringOutage = (await PlaceOrderAsync(_first, staffKey)).Id;
        await Task.WhenAll(openBefore.WaitForAsync("orderPlaced", duringOutage), openedDuring.WaitForAsync("orderPlaced", duringOutage));

        await _redis.StartAsync();
        await WaitForRedisCheckAsync(_first, "Healthy");
        await WaitForRedisCheckAsync(_second, "Healthy");
        await _first.WaitForOutputAsync(line => line.Contains("joined the SignalR backplane again", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        // The client renews the instance's subscriptions a moment after it reports Redis back, and what is sent before
        // that is not replayed: place orders on the other instance until one arrives (at most 9: the key's budget is 12).
        var afterOutage = 0;
        for (var attempt = 0; attempt < 9; attempt++)
        {
            afterOutage = (await PlaceOrderAsync(_second, staffKey)).Id;
            if (await openBefore.TryWaitForAsync("orderPlaced", afterOutage, null, TimeSpan.FromSeconds(3)))
            {
                break;
            }
        }

        await MoveAsync(_second, staffKey, afterOutage, "Preparing");
        await openBefore.WaitForAsync("orderUpdated", afterOutage, "Preparing");
        await openedDuring.WaitForAsync("orderUpdated", afterOutage, "Preparing");

        Assert.Multiple(() =>
        {
            foreach (var listener in new[] { openBefore, openedDuring })
            {
                Assert.That(listener.Count("orderPlaced", duringOutage), Is.EqualTo(1), "while Redis was away: from this instance, once");
                Assert.That(listener.Count("orderPlaced", afterOutage), Is.EqualTo(1), "once Redis is back: from the other instance, once");
                Assert.That(listener.Count("orderUpdated", afterOutage), Is.EqualTo(1), "and its move, once");
            }

            Assert.That(_first.Output, Does.Not.Contain("Unhandled").And.Not.Contain("RedisConnectionException"));
        });
    }

    private async Task<int> OutputCacheKeysInRedisAsync()
    {
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        return await server.KeysAsync(pattern: $"{_prefix}:output-cache:*").CountAsync();
    }

    private static int Occurrences(string text, string phrase) =>
        text.Split('\n').Count(line => line.Contains(phrase, StringComparison.Ordinal));

    /// <summary>Sends <paramref name="calls"/> API calls with the key and returns how many were let through (the rest must be 429).</summary>
    private static async Task<int> CountAllowedAsync(string apiKey, AppProcess app, int calls)
    {
        var allowed = 0;
        for (var i = 0; i < calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orders");
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await app.Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.TooManyRequests), app.Output);
            allowed += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        return allowed;
    }

    private static async Task<(int Id, string Code)> PlaceOrderAsync(AppProcess app, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(new { customerName = "Scale", lines = new[] { new { menuItemId = 1, quantity = 1 } } }),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await app.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (order.GetProperty("id").GetInt32(), order.GetProperty("code").GetString()!);
    }

    private static async Task MoveAsync(AppProcess app, string apiKey, int orderId, string status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orders/{orderId}/status") { Content = JsonContent.Create(new { status }) };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await app.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The order of the next <c>event: order</c> of a Server-Sent Events stream (comments and other lines skipped).</summary>
    private static async Task<JsonElement> NextOrderEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data:".Length..]).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }

    /// <summary>A fresh API key: a caller of its own, so each test starts with a full budget.</summary>
    private async Task<string> NewApiKeyAsync(string role = "Customer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = $"scale-{Guid.NewGuid():N}"[..20], role }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        using var response = await _first.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync() + _first.Output);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>Reads /health/ready until its redis check has the status (bounded), and checks the instance stays ready.</summary>
    private static async Task WaitForRedisCheckAsync(AppProcess app, string status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await app.Client.GetAsync("/health/ready", timeout.Token);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Redis away degrades; it never makes the instance unready");
            var checks = (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("checks");
            if (checks.EnumerateArray().Any(c => c.GetProperty("name").GetString() == "redis" && c.GetProperty("status").GetString() == status))
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>A hub connection that records the orderPlaced and orderUpdated messages it gets.</summary>
    private sealed class HubListener : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly List<(string Kind, int Id, string Status)> _messages = [];
        private readonly SemaphoreSlim _arrived = new(0);

        private HubListener(HubConnection connection)
        {
            _connection = connection;
            foreach (var kind in new[] { "orderPlaced", "orderUpdated" })
            {
                connection.On<JsonElement>(kind, order =>
                {
                    lock (_messages)
                    {
                        _messages.Add((kind, order.GetProperty("id").GetInt32(), order.GetProperty("status").GetString()!));
                    }

                    _arrived.Release();
                });
            }
        }

        /// <summary>Connects to the app's hub: with a staff key the connection is in the queue; without one it may watch orders.</summary>
        public static async Task<HubListener> ConnectAsync(AppProcess app, string? apiKey)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(app.BaseAddress, "/hubs/orders"), o =>
                {
                    if (apiKey is not null)
                    {
                        o.Headers.Add("X-Api-Key", apiKey);
                    }
                })
                .Build();
            var listener = new HubListener(connection);
            await connection.StartAsync();
            if (apiKey is not null)
            {
                // The connection joins the queue on the server after the handshake; a call runs only once it has.
                await connection.InvokeAsync("JoinQueue");
            }

            return listener;
        }

        public Task<JsonElement> WatchAsync(string code) => _connection.InvokeAsync<JsonElement>("WatchOrder", code);

        public int Count(string kind, int orderId, string? status = null)
        {
            lock (_messages)
            {
                return _messages.Count(m => m.Kind == kind && m.Id == orderId && (status is null || m.Status == status));
            }
        }

        /// <summary>Waits (bounded) until such a message has arrived.</summary>
        public async Task WaitForAsync(string kind, int orderId, string? status = null)
        {
            if (!await TryWaitForAsync(kind, orderId, status, TimeSpan.FromSeconds(10)))
            {
                lock (_messages)
                {
                    Assert.Fail($"No {kind} {orderId} {status} within 10 s; got: {string.Join(", ", _messages)}");
                }
            }
        }

        /// <summary>Waits until such a message has arrived (true), or the time is up (false).</summary>
        public async Task<bool> TryWaitForAsync(string kind, int orderId, string? status, TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            while (Count(kind, orderId, status) == 0)
            {
                try
                {
                    await _arrived.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }

            return true;
        }

        public async ValueTask DisposeAsync()
        {
            await _connection.DisposeAsync();
            _arrived.Dispose();
        }
    }
}
