using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

// Live-updates load: WATCHERS SignalR connections (WebSockets) each watch one of ORDERS orders; the orders are
// then moved ROUNDS times (Pending → Preparing → Ready → Completed), and every orderUpdated a watcher receives is
// timed against the order's updatedAt (the server's clock, the same machine): the delay from the change to its
// delivery, save included.
//
//   dotnet run -c Release -- URL ADMIN_EMAIL ADMIN_PASSWORD [WATCHERS=1000] [ORDERS=100] [ROUNDS=3]
var (url, email, password) = (new Uri(args[0]), args[1], args[2]);
var watchers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000;
var orderCount = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100;
var rounds = Math.Clamp(args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3, 1, 3);

using var http = new HttpClient { BaseAddress = url };
using var tokenResponse = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
tokenResponse.EnsureSuccessStatusCode();
var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var menu = await http.GetFromJsonAsync<JsonElement>("/api/v1/menu-items?available=true&pageSize=1");
var menuItemId = menu.GetProperty("items")[0].GetProperty("id").GetInt32();
var orders = new List<(int Id, string Code)>();
for (var i = 0; i < orderCount; i++)
{
    using var placed = await http.PostAsJsonAsync("/api/v1/orders", new { customerName = $"Watcher load {i}", notes = "", lines = new[] { new { menuItemId, quantity = 1 } } });
    placed.EnsureSuccessStatusCode();
    var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
    orders.Add((order.GetProperty("id").GetInt32(), order.GetProperty("code").GetString()!));
}

var latencies = new List<double>(watchers * rounds);
var gate = new Lock();
var received = 0;
var connections = new List<HubConnection>(watchers);
var opening = Stopwatch.StartNew();
foreach (var batch in Enumerable.Range(0, watchers).Chunk(50))
{
    await Task.WhenAll(batch.Select(async i =>
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(url, "/hubs/orders"), HttpTransportType.WebSockets).Build();
        connection.On<JsonElement>("orderUpdated", order =>
        {
            var delay = (DateTimeOffset.UtcNow - order.GetProperty("updatedAt").GetDateTimeOffset()).TotalMilliseconds;
            lock (gate)
            {
                latencies.Add(delay);
                received++;
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("WatchOrder", orders[i % orders.Count].Code);
        lock (gate)
        {
            connections.Add(connection);
        }
    }));
}

Console.WriteLine($"{connections.Count} watchers of {orders.Count} orders connected in {opening.Elapsed.TotalSeconds:F1} s");
string[] path = ["Preparing", "Ready", "Completed"];
for (var round = 0; round < rounds; round++)
{
    foreach (var (id, _) in orders)
    {
        using var moved = await http.PutAsJsonAsync($"/api/v1/orders/{id}/status", new { status = path[round] });
        moved.EnsureSuccessStatusCode();
    }
}

var expected = watchers * rounds;
var waiting = Stopwatch.StartNew();
while (Volatile.Read(ref received) < expected && waiting.Elapsed < TimeSpan.FromSeconds(30))
{
    await Task.Delay(50);
}

double[] sorted;
lock (gate)
{
    sorted = [.. latencies.Order()];
}

double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine(FormattableString.Invariant(
    $"live watchers={watchers} delivered={sorted.Length}/{expected} p50_ms={Percentile(0.50):F1} p99_ms={Percentile(0.99):F1} max_ms={(sorted.Length > 0 ? sorted[^1] : double.NaN):F1}"));
await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
return sorted.Length == expected ? 0 : 1;
