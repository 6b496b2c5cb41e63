using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Integration.Web.Controllers.Api;

/// <summary>
/// <c>/api/v1/orders</c>: every route for every kind of caller, validation, idempotency, listing, API keys,
/// and orders outliving their menu items. The shop's currency is set to EUR so the contract's currency is
/// visibly read from configuration.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class OrdersApiControllerTests : IntegrationTestBase
{
    private const string Currency = "EUR";

    private static readonly string[] OrderKeys =
        ["id", "code", "customerName", "notes", "status", "lines", "total", "currency", "createdAt", "updatedAt"];

    private static readonly string[] LineKeys = ["menuItemId", "title", "size", "options", "unitPrice", "quantity", "lineTotal"];

    private MenuItem _latte = null!;
    private MenuItem _mocha = null!;
    private MenuItem _unavailable = null!;
    private HttpClient _ann = null!;
    private HttpClient _bob = null!;
    private HttpClient _barista = null!;
    private HttpClient _admin = null!;

    public enum Caller
    {
        Anonymous,
        Owner,
        OtherCustomer,
        Barista,
        Admin,
    }

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _latte = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Api Test Latte").WithPrice(3.50m).BuildDetails());
        _mocha = await Factory.AddMenuItemAsync(new MenuItemBuilder().Iced().WithTitle("Api Test Mocha").WithPrice(4.25m).BuildDetails());
        _unavailable = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Api Test Sold Out").Unavailable().BuildDetails());
        _ann = await Factory.CreateClientAsAsync(AppRoles.Customer);
        _bob = await Factory.CreateClientAsAsync(AppRoles.Customer);
        _barista = await Factory.CreateClientAsAsync(AppRoles.Barista);
        _admin = await Factory.CreateClientAsAsync(AppRoles.Admin);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _ann.Dispose();
        _bob.Dispose();
        _barista.Dispose();
        _admin.Dispose();
    }

    // ---- every route, every caller ----

    [TestCase(Caller.Anonymous, HttpStatusCode.Unauthorized)]
    [TestCase(Caller.Owner, HttpStatusCode.Created)]
    [TestCase(Caller.Barista, HttpStatusCode.Created)]
    [TestCase(Caller.Admin, HttpStatusCode.Created)]
    public async Task Place_ByCaller_ReturnsStatus(Caller caller, HttpStatusCode expected)
    {
        using var response = await PostOrderAsync(As(caller), Body("Route test", (_latte.Id, 1)));

        await AssertStatusAsync(response, expected);
    }

    [TestCase(Caller.Anonymous, HttpStatusCode.Unauthorized)]
    [TestCase(Caller.Owner, HttpStatusCode.OK)]
    [TestCase(Caller.Barista, HttpStatusCode.OK)]
    [TestCase(Caller.Admin, HttpStatusCode.OK)]
    public async Task List_ByCaller_ReturnsStatus(Caller caller, HttpStatusCode expected)
    {
        using var response = await As(caller).GetAsync("/api/v1/orders");

        await AssertStatusAsync(response, expected);
    }

    [TestCase(Caller.Anonymous, HttpStatusCode.Unauthorized)]
    [TestCase(Caller.Owner, HttpStatusCode.OK)]
    [TestCase(Caller.OtherCustomer, HttpStatusCode.NotFound)]
    [TestCase(Caller.Barista, HttpStatusCode.OK)]
    [TestCase(Caller.Admin, HttpStatusCode.OK)]
    public async Task Get_ByCaller_ReturnsStatus(Caller caller, HttpStatusCode expected)
    {
        var id = Id(await PlaceAsync(_ann, Body("Get route", (_latte.Id, 1))));

        using var response = await As(caller).GetAsync($"/api/v1/orders/{id}");

        await AssertStatusAsync(response, expected);
    }

    [TestCase(Caller.Anonymous, HttpStatusCode.Unauthorized, "Pending")]
    [TestCase(Caller.Owner, HttpStatusCode.OK, "Cancelled")]
    [TestCase(Caller.OtherCustomer, HttpStatusCode.NotFound, "Pending")]
    [TestCase(Caller.Barista, HttpStatusCode.OK, "Cancelled")]
    [TestCase(Caller.Admin, HttpStatusCode.OK, "Cancelled")]
    public async Task Cancel_ByCaller_ReturnsStatus(Caller caller, HttpStatusCode expected, string statusAfter)
    {
        var id = Id(await PlaceAsync(_ann, Body("Cancel route", (_latte.Id, 1))));

        using var response = await As(caller).PostAsync($"/api/v1/orders/{id}/cancel", null);

        await AssertStatusAsync(response, expected);
        Assert.That(await StatusOfAsync(id), Is.EqualTo(statusAfter));
    }

    [TestCase(Caller.Anonymous, HttpStatusCode.Unauthorized, "Pending")]
    [TestCase(Caller.Owner, HttpStatusCode.Forbidden, "Pending")]
    [TestCase(Caller.OtherCustomer, HttpStatusCode.Forbidden, "Pending")]
    [TestCase(Caller.Barista, HttpStatusCode.OK, "Preparing")]
    [TestCase(Caller.Admin, HttpStatusCode.OK, "Preparing")]
    public async Task Move_ByCaller_ReturnsStatus(Caller caller, HttpStatusCode expected, string statusAfter)
    {
        var id = Id(await PlaceAsync(_ann, Body("Move route", (_latte.Id, 1))));

        using var response = await MoveAsync(As(caller), id, "Preparing");

        await AssertStatusAsync(response, expected);
        Assert.That(await StatusOfAsync(id), Is.EqualTo(statusAfter));
    }

    // ---- placing ----

    [Test]
    public async Task Place_ValidOrder_Returns201WithALocationWhoseGetReturnsTheOrder()
    {
        using var response = await PostOrderAsync(_ann, Body("Ann", (_latte.Id, 2), (_mocha.Id, 1), notes: "Oat milk"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.Headers.Location, Is.Not.Null);
        Assert.That(HtmlPages.PathOf(response.Headers.Location), Is.EqualTo($"/api/v1/orders/{Id(order)}"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(OrderKeys));
            Assert.That(order.GetProperty("code").GetString(), Does.Match("^[A-Za-z0-9_-]{22}$"));
            Assert.That(order.GetProperty("customerName").GetString(), Is.EqualTo("Ann"));
            Assert.That(order.GetProperty("notes").GetString(), Is.EqualTo("Oat milk"));
            Assert.That(Status(order), Is.EqualTo("Pending"));
            Assert.That(Lines(order), Is.EqualTo(new[] { (_latte.Id, "Api Test Latte", 3.50m, 2), (_mocha.Id, "Api Test Mocha", 4.25m, 1) }));
            Assert.That(order.GetProperty("lines").EnumerateArray().Select(l => l.EnumerateObject().Select(p => p.Name)), Has.All.EquivalentTo(LineKeys));
            Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(11.25m));
        }

        using var get = await _ann.GetAsync(response.Headers.Location);
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await get.Content.ReadFromJsonAsync<JsonElement>()).GetRawText(), Is.EqualTo(order.GetRawText()));
    }

    [Test]
    public async Task Place_AnyOrder_TotalIsTheSumOfTheLineSnapshotsInTheConfiguredCurrency()
    {
        var order = await PlaceAsync(_ann, Body("Sums", (_latte.Id, 3), (_mocha.Id, 7)));

        var sum = order.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("unitPrice").GetDecimal() * l.GetProperty("quantity").GetInt32());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(sum));
            Assert.That(sum, Is.EqualTo((3 * 3.50m) + (7 * 4.25m)));
            Assert.That(order.GetProperty("currency").GetString(), Is.EqualTo(Currency));
        }
    }

    [Test]
    public async Task Place_MenuPriceChangedAfterwards_OrderKeepsItsSnapshotPriceAndTotal()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Api Test Repriced").WithPrice(2.00m).BuildDetails());
        var id = Id(await PlaceAsync(_ann, Body("Snapshot", (item.Id, 2))));
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/menu-items/{item.Id}")
        {
            Content = new StringContent("""{"price":9.99,"title":"Api Test Repriced Later"}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        using (var patched = await _admin.SendAsync(patch))
        {
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the menu price changed");
        }

        var order = await GetOrderAsync(_ann, id);

        Assert.That(Lines(order), Is.EqualTo(new[] { (item.Id, "Api Test Repriced", 2.00m, 2) }));
        Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(4.00m));
    }

    [Test]
    public async Task Place_MissingMenuItem_Returns400NamingTheLine()
    {
        using var response = await PostOrderAsync(_ann, Body("Missing", (999_999, 1)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "lines[0].menuItemId" }));
        Assert.That(problem.Errors["lines[0].menuItemId"], Has.One.Contains("999999"));
    }

    [Test]
    public async Task Place_UnavailableMenuItem_Returns400NamingTheLine()
    {
        using var response = await PostOrderAsync(_ann, Body("Unavailable", (_unavailable.Id, 1)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "lines[0].menuItemId" }));
        Assert.That(problem.Errors["lines[0].menuItemId"], Has.One.Contains("not available"));
    }

    [Test]
    public async Task Place_SecondLineMissing_Returns400NamingTheSecondLine()
    {
        using var response = await PostOrderAsync(_ann, Body("Second", (_latte.Id, 1), (999_998, 1)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "lines[1].menuItemId" }));
    }

    [TestCase(0)]
    [TestCase(21)]
    public async Task Place_LineCountOutOfRange_Returns400NamingLines(int count)
    {
        var lines = Enumerable.Range(0, count).Select(i => new { menuItemId = _latte.Id + i, quantity = 1 }).ToArray();

        using var response = await PostOrderAsync(_ann, new { customerName = "Lines", notes = "", lines });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "lines" }));
    }

    [TestCase(0)]
    [TestCase(21)]
    public async Task Place_QuantityOutOfRange_Returns400NamingTheQuantity(int quantity)
    {
        using var response = await PostOrderAsync(_ann, Body("Quantity", (_latte.Id, quantity)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "lines[0].quantity" }));
    }

    [TestCase("""{"notes":"","lines":[{"menuItemId":LATTE,"quantity":1}]}""", "customerName")]
    [TestCase("""{"customerName":"","lines":[{"menuItemId":LATTE,"quantity":1}]}""", "customerName")]
    [TestCase("""{"customerName":"NAME61","lines":[{"menuItemId":LATTE,"quantity":1}]}""", "customerName")]
    [TestCase("""{"customerName":"Ann","notes":"NOTES501","lines":[{"menuItemId":LATTE,"quantity":1}]}""", "notes")]
    [TestCase("""{"customerName":"Ann"}""", "lines")]
    [TestCase("""{"customerName":"Ann","lines":[{"quantity":1}]}""", "lines[0].menuItemId")]
    [TestCase("""{"customerName":"Ann","lines":[{"menuItemId":LATTE}]}""", "lines[0].quantity")]
    public async Task Place_InvalidField_Returns400NamingTheField(string json, string field)
    {
        json = json.Replace("LATTE", _latte.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("NAME61", new string('n', 61), StringComparison.Ordinal)
            .Replace("NOTES501", new string('n', 501), StringComparison.Ordinal);
        var before = await OrderCountAsync();

        using var response = await PostJsonAsync(_ann, json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(await OrderCountAsync(), Is.EqualTo(before), "nothing created");
    }

    [Test]
    public async Task Place_TextPlain_Returns415()
    {
        using var content = new StringContent(JsonSerializer.Serialize(Body("Plain", (_latte.Id, 1))), Encoding.UTF8, "text/plain");

        using var response = await _ann.PostAsync("/api/v1/orders", content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Place_MalformedJson_Returns400()
    {
        using var response = await PostJsonAsync(_ann, """{"customerName":"Ann","lines":[{"menuItemId":1,"quantity":1}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Orders_WrongMethod_Returns405WithAllow()
    {
        using var response = await _ann.DeleteAsync("/api/v1/orders");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD", "POST" }));
    }

    // ---- idempotency ----

    [Test]
    public async Task Place_SameIdempotencyKeyAndBody_Returns201ReplayWithTheSameOrderAndCreatesNothing()
    {
        var key = Guid.NewGuid().ToString();
        var name = Unique("Retry");

        using var first = await PostOrderAsync(_ann, Body(name, (_latte.Id, 1)), key);
        using var retry = await PostOrderAsync(_ann, Body(name, (_latte.Id, 1)), key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False, "the first answer is no replay");
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Headers.TryGetValues("Idempotent-Replayed", out var replayed) ? replayed : [], Is.EqualTo(new[] { "true" }));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()), "the first result, unchanged");
        }

        Assert.That(await OrderCountAsync(name), Is.EqualTo(1));
    }

    [Test]
    public async Task Place_SameIdempotencyKeyWithAnotherBody_Returns422AndCreatesNothing()
    {
        var key = Guid.NewGuid().ToString();
        var name = Unique("Reuse");
        using var first = await PostOrderAsync(_ann, Body(name, (_latte.Id, 1)), key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var other = await PostOrderAsync(_ann, Body(name, (_latte.Id, 2)), key);

        var problem = await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.Detail, Does.Contain("Idempotency-Key"));
        Assert.That(await OrderCountAsync(name), Is.EqualTo(1));
    }

    [Test]
    public async Task Place_SameIdempotencyKeyFromAnotherCaller_CreatesTheirOwnOrder()
    {
        var key = Guid.NewGuid().ToString();
        var name = Unique("Shared key");

        var annOrder = await PlaceAsync(_ann, Body(name, (_latte.Id, 1)), key);
        var bobOrder = await PlaceAsync(_bob, Body(name, (_latte.Id, 1)), key);

        Assert.That(Id(bobOrder), Is.Not.EqualTo(Id(annOrder)));
        Assert.That(await OrderCountAsync(name), Is.EqualTo(2));
    }

    [Test]
    public async Task Place_OverlongIdempotencyKey_Returns400NamingTheHeader()
    {
        using var response = await PostOrderAsync(_ann, Body("Long key", (_latte.Id, 1)), new string('k', 201));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "Idempotency-Key" }));
    }

    // ---- listing ----

    [Test]
    public async Task List_Customer_SeesOnlyTheirOwnOrders()
    {
        using var carol = await Factory.CreateClientAsAsync(AppRoles.Customer);
        var mine = new[] { Id(await PlaceAsync(carol, Body("Carol 1", (_latte.Id, 1)))), Id(await PlaceAsync(carol, Body("Carol 2", (_mocha.Id, 1)))) };
        await PlaceAsync(_bob, Body("Bob", (_latte.Id, 1)));

        var page = await GetJsonAsync(carol, "/api/v1/orders");

        Assert.That(page.GetProperty("items").EnumerateArray().Select(Id), Is.EqualTo(mine.Reverse()), "own orders, newest first");
        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task List_Staff_SeesEveryOrder()
    {
        var annId = Id(await PlaceAsync(_ann, Body("Staff sees Ann", (_latte.Id, 1))));
        var bobId = Id(await PlaceAsync(_bob, Body("Staff sees Bob", (_latte.Id, 1))));
        var total = await OrderCountAsync();

        var page = await GetJsonAsync(_barista, "/api/v1/orders?pageSize=100");

        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(total));
        Assert.That(page.GetProperty("items").EnumerateArray().Select(Id).Take(2), Is.EqualTo(new[] { bobId, annId }), "newest first");
    }

    [Test]
    public async Task List_StaffWithStatusFilter_ReturnsOnlyThatStatus()
    {
        var ready = Id(await PlaceAsync(_ann, Body("Ready one", (_latte.Id, 1))));
        await MoveOkAsync(_barista, ready, "Preparing");
        await MoveOkAsync(_barista, ready, "Ready");

        var page = await GetJsonAsync(_admin, "/api/v1/orders?status=ready&pageSize=100");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(Status), Has.All.EqualTo("Ready"));
        Assert.That(items.Select(Id), Does.Contain(ready));
        Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(await OrderCountAsync(status: OrderStatus.Ready)));
    }

    [Test]
    public async Task List_PageAndPageSize_ReturnThatSliceInTheEnvelope()
    {
        using var dave = await Factory.CreateClientAsAsync(AppRoles.Customer);
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Id(await PlaceAsync(dave, Body($"Dave {i}", (_latte.Id, 1)))));
        }

        var page = await GetJsonAsync(dave, "/api/v1/orders?page=2&pageSize=2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "items", "page", "pageSize", "totalCount" }));
            Assert.That(page.GetProperty("page").GetInt32(), Is.EqualTo(2));
            Assert.That(page.GetProperty("pageSize").GetInt32(), Is.EqualTo(2));
            Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(5));
            Assert.That(page.GetProperty("items").EnumerateArray().Select(Id), Is.EqualTo(new[] { ids[2], ids[1] }));
        }
    }

    [TestCase("status=brewing", "status")]
    [TestCase("status=1", "status")]
    [TestCase("page=0", "page")]
    [TestCase("pageSize=101", "pageSize")]
    public async Task List_BadParameter_Returns400NamingIt(string query, string parameter)
    {
        using var response = await _barista.GetAsync($"/api/v1/orders?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { parameter }));
    }

    // ---- reading, cancelling and moving ----

    [Test]
    public async Task Get_UnknownId_Returns404()
    {
        using var response = await _barista.GetAsync("/api/v1/orders/999999");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_AnotherCustomersOrder_Returns404LikeAnUnknownId()
    {
        var id = Id(await PlaceAsync(_ann, Body("Private", (_latte.Id, 1))));

        using var response = await _bob.GetAsync($"/api/v1/orders/{id}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Detail, Is.EqualTo($"Order {id} was not found."));
        Assert.That(problem.Json.GetRawText(), Does.Not.Contain("Private"));
    }

    [Test]
    public async Task Cancel_OwnerAfterTheBaristaStarted_Returns409AndStaysPreparing()
    {
        var id = Id(await PlaceAsync(_ann, Body("Started", (_latte.Id, 1))));
        await MoveOkAsync(_barista, id, "Preparing");

        using var response = await _ann.PostAsync($"/api/v1/orders/{id}/cancel", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(await StatusOfAsync(id), Is.EqualTo("Preparing"));
    }

    [Test]
    public async Task Cancel_StaffWhilePreparing_Returns200Cancelled()
    {
        var id = Id(await PlaceAsync(_ann, Body("Staff cancel", (_latte.Id, 1))));
        await MoveOkAsync(_barista, id, "Preparing");

        using var response = await _barista.PostAsync($"/api/v1/orders/{id}/cancel", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Status(await response.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("Cancelled"));
    }

    [Test]
    public async Task Move_AlongTheWholePath_Returns200EachTimeWithTheNewStatus()
    {
        var id = Id(await PlaceAsync(_ann, Body("Whole path", (_latte.Id, 1))));

        foreach (var next in new[] { "Preparing", "Ready", "Completed" })
        {
            using var response = await MoveAsync(_barista, id, next);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), next);
            Assert.That(Status(await response.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo(next));
        }
    }

    [TestCase(new string[0], "Completed")]
    [TestCase(new string[0], "Ready")]
    [TestCase(new string[0], "Pending")]
    [TestCase(new[] { "Preparing", "Ready" }, "Cancelled")]
    [TestCase(new[] { "Preparing" }, "Pending")]
    [TestCase(new[] { "Preparing", "Ready", "Completed" }, "Preparing")]
    [TestCase(new[] { "Cancelled" }, "Preparing")]
    public async Task Move_RefusedMove_Returns409AndChangesNothing(string[] path, string refused)
    {
        var id = Id(await PlaceAsync(_ann, Body("Refused", (_latte.Id, 1))));
        foreach (var step in path)
        {
            await MoveOkAsync(_barista, id, step);
        }

        var before = await StatusOfAsync(id);

        using var response = await MoveAsync(_barista, id, refused);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Detail, Does.Contain(refused));
        Assert.That(await StatusOfAsync(id), Is.EqualTo(before));
    }

    [TestCase("""{"status":"Brewing"}""")]
    [TestCase("""{"status":"3"}""")]
    [TestCase("""{}""")]
    public async Task Move_InvalidStatus_Returns400NamingStatus(string json)
    {
        var id = Id(await PlaceAsync(_ann, Body("Bad status", (_latte.Id, 1))));
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await _barista.PutAsync($"/api/v1/orders/{id}/status", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "status" }));
    }

    [Test]
    public async Task Move_UnknownId_Returns404()
    {
        using var response = await MoveAsync(_barista, 999_999, "Preparing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---- API keys ----

    [Test]
    public async Task Place_WithACustomerApiKey_Returns201AndTheOrderHasNoCustomer()
    {
        using var keyClient = CreateApiKeyClient(await CreateApiKeyAsync(AppRoles.Customer));

        var order = await PlaceAsync(keyClient, Body("Terminal 1", (_latte.Id, 1)));

        var id = Id(order);
        Assert.That(await Factory.QueryDatabaseAsync(db => db.Orders.Where(o => o.Id == id).Select(o => o.CustomerId).SingleAsync()), Is.Null);
        using var list = await keyClient.GetAsync("/api/v1/orders");
        Assert.That((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalCount").GetInt32(), Is.Zero, "a key owns no orders");
    }

    [Test]
    public async Task Move_WithABaristaApiKey_Returns200()
    {
        using var customerKey = CreateApiKeyClient(await CreateApiKeyAsync(AppRoles.Customer));
        using var baristaKey = CreateApiKeyClient(await CreateApiKeyAsync(AppRoles.Barista));
        var id = Id(await PlaceAsync(customerKey, Body("Terminal 2", (_latte.Id, 1))));

        using var response = await MoveAsync(baristaKey, id, "Preparing");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StatusOfAsync(id), Is.EqualTo("Preparing"));
    }

    [Test]
    public async Task Move_WithACustomerApiKey_Returns403()
    {
        using var customerKey = CreateApiKeyClient(await CreateApiKeyAsync(AppRoles.Customer));
        var id = Id(await PlaceAsync(_ann, Body("Key move", (_latte.Id, 1))));

        using var response = await MoveAsync(customerKey, id, "Preparing");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    // ---- menu deletions ----

    [Test]
    public async Task DeleteMenuItem_ExistingOrder_StillReturnsItsLineTitleUnitPriceAndTotal()
    {
        var doomed = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Api Test Discontinued").WithPrice(5.75m).BuildDetails());
        var id = Id(await PlaceAsync(_ann, Body("Outlives", (doomed.Id, 2), (_latte.Id, 1))));

        using (var deleted = await _admin.DeleteAsync($"/api/v1/menu-items/{doomed.Id}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using (var gone = await _admin.GetAsync($"/api/v1/menu-items/{doomed.Id}"))
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the item is really gone");
        }

        var order = await GetOrderAsync(_ann, id);
        Assert.That(Lines(order), Is.EqualTo(new[] { (doomed.Id, "Api Test Discontinued", 5.75m, 2), (_latte.Id, "Api Test Latte", 3.50m, 1) }));
        Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(15.00m));
        using var moved = await MoveAsync(_barista, id, "Preparing");
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the order can still be worked on");
    }

    protected override CoffeeShopWebFactory CreateFactory() =>
        new(new Dictionary<string, string?> { ["Shop:Currency"] = Currency });

    private HttpClient As(Caller caller) => caller switch
    {
        Caller.Anonymous => Client,
        Caller.Owner => _ann,
        Caller.OtherCustomer => _bob,
        Caller.Barista => _barista,
        Caller.Admin => _admin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if ((int)expected >= 400)
        {
            await response.AssertProblemAsync(expected);
        }
        else
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
        }
    }

    private static object Body(string name, params (int MenuItemId, int Quantity)[] lines) => Body(name, lines, null);

    private static object Body(string name, (int MenuItemId, int Quantity) line1, (int MenuItemId, int Quantity) line2, string notes) =>
        Body(name, [line1, line2], notes);

    private static object Body(string name, (int MenuItemId, int Quantity)[] lines, string? notes) => new
    {
        customerName = name,
        notes = notes ?? string.Empty,
        lines = lines.Select(l => new { menuItemId = l.MenuItemId, quantity = l.Quantity }).ToArray(),
    };

    private static async Task<HttpResponseMessage> PostOrderAsync(HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync("/api/v1/orders", content);
    }

    private static async Task<JsonElement> PlaceAsync(HttpClient client, object body, string? idempotencyKey = null)
    {
        using var response = await PostOrderAsync(client, body, idempotencyKey);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, int id, string status) =>
        client.PutAsJsonAsync($"/api/v1/orders/{id}/status", new { status });

    private static async Task MoveOkAsync(HttpClient client, int id, string status)
    {
        using var response = await MoveAsync(client, id, status);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"moving order {id} to {status}");
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<JsonElement> GetOrderAsync(HttpClient client, int id) => GetJsonAsync(client, $"/api/v1/orders/{id}");

    private async Task<string> CreateApiKeyAsync(string role)
    {
        using var response = await _admin.PostAsJsonAsync("/api/v1/api-keys", new { name = Unique($"{role} terminal"), role });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private HttpClient CreateApiKeyClient(string key)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(AuthSchemes.ApiKeyHeader, key);
        return client;
    }

    private Task<string> StatusOfAsync(int id) =>
        Factory.QueryDatabaseAsync(async db => (await db.Orders.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()).ToString());

    private Task<int> OrderCountAsync(string? name = null, OrderStatus? status = null) =>
        Factory.QueryDatabaseAsync(db => db.Orders.CountAsync(o => (name == null || o.CustomerName == name) && (status == null || o.Status == status)));

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private static int Id(JsonElement order) => order.GetProperty("id").GetInt32();

    private static string? Status(JsonElement order) => order.GetProperty("status").GetString();

    private static (int, string, decimal, int)[] Lines(JsonElement order) =>
        [.. order.GetProperty("lines").EnumerateArray().Select(l => (
            l.GetProperty("menuItemId").GetInt32(),
            l.GetProperty("title").GetString()!,
            l.GetProperty("unitPrice").GetDecimal(),
            l.GetProperty("quantity").GetInt32()))];
}
