using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CoffeeShop.Tests.Integration.Operations;

/// <summary>Every order that got a 201 survives a SIGKILL in the middle of a stream of orders.</summary>
[Category(TestCategories.Integration)]
[NonParallelizable]
public sealed class CrashDurabilityTests
{
    [Test]
    public async Task KillDuringOrderStream_AfterRestart_EveryConfirmedOrderIsPresentAndTheDatabaseIsIntact()
    {
        using var database = new ScratchDatabase("crash");
        var settings = AppProcess.SharedSettings(database.Path);
        var confirmed = new System.Collections.Concurrent.ConcurrentBag<int>();
        await using (var app = await AppProcess.StartAsync(settings, CancellationToken.None))
        {
            var token = await app.AdminTokenAsync();

            // Eight clients post orders until the process dies under them.
            using var enough = new CancellationTokenSource();
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!enough.IsCancellationRequested)
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/orders", UriKind.Relative))
                        {
                            Content = JsonContent.Create(new { customerName = "Crash", lines = new[] { new { menuItemId = 2, quantity = 1 } } }),
                        };
                        request.Headers.Authorization = new("Bearer", token);
                        using var response = await app.Client.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            confirmed.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
                            if (confirmed.Count >= 150)
                            {
                                reached.TrySetResult();
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                    catch (IOException)
                    {
                        return;
                    }
                }
            })).ToList();

            // Kill once a good number of orders has been confirmed, while the writers are still posting.
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(90));

            await app.KillAsync();
            await enough.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await AppProcess.StartAsync(settings, CancellationToken.None);
        var adminToken = await restarted.AdminTokenAsync();
        foreach (var id in confirmed)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/orders/{id}", UriKind.Relative));
            request.Headers.Authorization = new("Bearer", adminToken);
            using var response = await restarted.Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"order {id} was confirmed but is missing");
        }

        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.That(await check.ExecuteScalarAsync(), Is.EqualTo("ok"));
        Assert.That(confirmed, Has.Count.GreaterThanOrEqualTo(150));
    }
}
