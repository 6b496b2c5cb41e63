using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Integration.Web.Controllers.Api;

/// <summary>Retries that arrive together: one Idempotency-Key sent by many requests at once still makes one order.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class OrdersApiConcurrencyTests : IntegrationTestBase
{
    private const int Requests = 20;

    private MenuItem _drink = null!;
    private HttpClient _customer = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _drink = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Concurrency Test Espresso").WithPrice(2.20m).BuildDetails());
        _customer = await Factory.CreateClientAsAsync(AppRoles.Customer);
    }

    [OneTimeTearDown]
    public void DisposeClient() => _customer.Dispose();

    [Test]
    public async Task Place_TwentyParallelPostsWithOneIdempotencyKey_CreateExactlyOneOrder()
    {
        var key = Guid.NewGuid().ToString();
        var name = "Parallel " + Guid.NewGuid().ToString("N")[..8];
        var body = new { customerName = name, notes = "", lines = new[] { new { menuItemId = _drink.Id, quantity = 2 } } };

        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _customer.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Text: text);
        }));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Created), string.Join("\n", responses.Select(r => r.Text).Distinct()));
        var ids = responses.Select(r => JsonSerializer.Deserialize<JsonElement>(r.Text).GetProperty("id").GetInt32()).Distinct().ToList();
        Assert.That(ids, Has.Count.EqualTo(1), "every response names the same order");
        var saved = await Factory.QueryDatabaseAsync(db => db.Orders.Where(o => o.CustomerName == name).Select(o => o.Id).ToListAsync());
        Assert.That(saved, Is.EqualTo(ids), "exactly one order in the database");
        Assert.That(await Factory.QueryDatabaseAsync(db => db.Orders.CountAsync()), Is.EqualTo(1), "and no other");
    }
}
