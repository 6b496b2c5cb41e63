using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Web.Controllers.Api;

/// <summary>
/// Sizes and options through the versioned API over the seeded menu: menu items show their sizes and groups, orders
/// are priced from the size and the options, each selection rule is a 400 naming the line and the field, and the
/// idempotency key covers how the drink is made.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class SizesAndOptionsApiTests : IntegrationTestBase
{
    // The seeded menu (CoffeeShop.Data/Seed): Black is item 1 (no milk group), Latte item 2.
    private const int Black = 1;
    private const int Latte = 2;
    private const string Toppings = "api-test-toppings";

    private HttpClient _customer = null!;
    private HttpClient _admin = null!;
    private MenuItem _sundae = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _customer = await Factory.CreateClientAsAsync(AppRoles.Customer);
        _admin = await Factory.CreateClientAsAsync(AppRoles.Admin);

        // A group that needs two choices and has an option that is sold out, on an item of its own.
        await Factory.WithScopeAsync(s => s.GetRequiredService<OptionGroupService>().CreateAsync(
            Toppings,
            new OptionGroupDetails("Toppings", 2, 3, 1,
            [
                new MenuOption("api-cream", "Cream", 0.30m, IsDefault: true),
                new MenuOption("api-cocoa", "Cocoa", 0.20m, IsDefault: true),
                new MenuOption("api-sprinkles", "Sprinkles", 0.20m, IsAvailable: false),
            ]),
            CancellationToken.None));
        _sundae = await Factory.AddMenuItemAsync(
            new MenuItemBuilder().WithTitle("Api Sundae Coffee").WithPrice(4.00m).BuildDetails() with { OptionGroupCodes = [Toppings] });
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _customer.Dispose();
        _admin.Dispose();
    }

    // ---- the menu shows sizes and groups ----

    [Test]
    public async Task GetMenuItem_SeededLatte_ShowsItsSizesAndOptionGroups()
    {
        var latte = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/menu-items/{Latte}", UriKind.Relative));

        var sizes = latte.GetProperty("sizes").EnumerateArray().ToList();
        var groups = latte.GetProperty("optionGroups").EnumerateArray().ToList();
        var milk = groups[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizes.Select(s => s.GetProperty("code").GetString()), Is.EqualTo(new[] { "small", "medium", "large" }));
            Assert.That(sizes.Select(s => s.GetProperty("price").GetDecimal()), Is.EqualTo(new[] { 3.50m, 3.90m, 4.40m }));
            Assert.That(sizes.Single(s => s.GetProperty("isDefault").GetBoolean()).GetProperty("code").GetString(), Is.EqualTo("medium"));
            Assert.That(latte.GetProperty("price").GetDecimal(), Is.EqualTo(3.90m), "price is the default size's");
            Assert.That(groups.Select(g => g.GetProperty("code").GetString()), Is.EqualTo(new[] { "milk", "extra-shots", "syrups", "sweetener" }));
            Assert.That(milk.GetProperty("minSelected").GetInt32(), Is.EqualTo(1));
            Assert.That(milk.GetProperty("maxSelected").GetInt32(), Is.EqualTo(1));
            Assert.That(milk.GetProperty("maxQuantity").GetInt32(), Is.EqualTo(1));
            var oat = milk.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "oat-milk");
            Assert.That(oat.GetProperty("priceDelta").GetDecimal(), Is.EqualTo(0.50m));
            Assert.That(oat.GetProperty("isDefault").GetBoolean(), Is.False);
            Assert.That(oat.GetProperty("isAvailable").GetBoolean(), Is.True);
        }
    }

    [Test]
    public async Task ListMenuItems_EveryItem_ShowsSizesAndOnlyTheGroupsItOffers()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/menu-items?pageSize=100", UriKind.Relative));

        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt32());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(items.Values.Select(i => i.GetProperty("sizes").GetArrayLength()), Has.All.InRange(1, 5));
            Assert.That(items[Black].GetProperty("optionGroups").EnumerateArray().Select(g => g.GetProperty("code").GetString()),
                Is.EqualTo(new[] { "extra-shots", "syrups", "sweetener" }), "black coffee has no milk group");
            Assert.That(items[_sundae.Id].GetProperty("optionGroups").EnumerateArray().Select(g => g.GetProperty("code").GetString()),
                Is.EqualTo(new[] { Toppings }));
        }
    }

    // ---- orders priced from sizes and options ----

    [Test]
    public async Task PlaceOrder_LargeOatLatteWithTwoShotsAndVanillaAndSmallBlack_IsPricedFromSizesAndOptions()
    {
        using var response = await PostOrderAsync(_customer, """
            {"customerName":"Ann","lines":[
              {"menuItemId":2,"quantity":1,"size":"large","options":[{"code":"oat-milk"},{"code":"extra-shot","quantity":2},{"code":"vanilla-syrup"}]},
              {"menuItemId":1,"quantity":1,"size":"small"}]}
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        var lines = order.GetProperty("lines").EnumerateArray().ToList();
        var options = lines[0].GetProperty("options").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0].GetProperty("size").GetProperty("code").GetString(), Is.EqualTo("large"));
            Assert.That(lines[0].GetProperty("size").GetProperty("name").GetString(), Is.EqualTo("Large"));
            Assert.That(options.Select(o => o.GetProperty("code").GetString()), Is.EqualTo(new[] { "oat-milk", "extra-shot", "vanilla-syrup" }));
            Assert.That(options.Select(o => o.GetProperty("quantity").GetInt32()), Is.EqualTo(new[] { 1, 2, 1 }));
            Assert.That(options.Select(o => o.GetProperty("priceDelta").GetDecimal()), Is.EqualTo(new[] { 0.50m, 0.70m, 0.50m }));
            Assert.That(options.Select(o => o.GetProperty("name").GetString()), Has.All.Not.Empty);
            Assert.That(lines[0].GetProperty("unitPrice").GetDecimal(), Is.EqualTo(6.80m));
            Assert.That(lines[0].GetProperty("lineTotal").GetDecimal(), Is.EqualTo(6.80m));
            Assert.That(lines[1].GetProperty("size").GetProperty("code").GetString(), Is.EqualTo("small"));
            Assert.That(lines[1].GetProperty("options").GetArrayLength(), Is.Zero, "black coffee has no group with a minimum");
            Assert.That(lines[1].GetProperty("unitPrice").GetDecimal(), Is.EqualTo(2.10m));
            Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(8.90m));
        }

        // GET shows the same lines as the POST answered.
        var read = await _customer.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.That(read.GetProperty("lines").ToString(), Is.EqualTo(order.GetProperty("lines").ToString()));
    }

    [Test]
    public async Task PlaceOrder_SizeAndOptionsLeftOut_TakesTheDefaultSizeAndTheRequiredGroupsDefaults()
    {
        using var response = await PostOrderAsync(_customer, """{"customerName":"Ann","lines":[{"menuItemId":2,"quantity":2}]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var line = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(line.GetProperty("size").GetProperty("code").GetString(), Is.EqualTo("medium"));
            Assert.That(line.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("code").GetString()), Is.EqualTo(new[] { "whole-milk" }));
            Assert.That(line.GetProperty("unitPrice").GetDecimal(), Is.EqualTo(3.90m));
            Assert.That(line.GetProperty("lineTotal").GetDecimal(), Is.EqualTo(7.80m));
        }
    }

    [Test]
    public async Task PlaceOrder_SameDrinkMadeTwoWays_IsTwoLines()
    {
        using var response = await PostOrderAsync(_customer, """
            {"customerName":"Ann","lines":[
              {"menuItemId":2,"quantity":1,"options":[{"code":"oat-milk"}]},
              {"menuItemId":2,"quantity":1,"options":[{"code":"soy-milk"}]}]}
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(order.GetProperty("total").GetDecimal(), Is.EqualTo(3.90m + 0.50m + 3.90m + 0.40m));
    }

    // ---- every rule is a 400 naming the line and the field ----

    [TestCase("""{"menuItemId":2,"quantity":1,"size":"huge"}""", "lines[1].size", TestName = "PlaceOrder_UnknownSize_Is400OnTheLinesSize")]
    [TestCase("""{"menuItemId":2,"quantity":1,"options":[{"code":"rum"}]}""", "lines[1].options[0].code", TestName = "PlaceOrder_UnknownOption_Is400OnTheOptionsCode")]
    [TestCase("""{"menuItemId":1,"quantity":1,"options":[{"code":"extra-shot"},{"code":"oat-milk"}]}""", "lines[1].options[1].code", TestName = "PlaceOrder_OptionOfAGroupTheItemDoesNotOffer_Is400OnTheOptionsCode")]
    [TestCase("""{"menuItemId":2,"quantity":1,"options":[{"code":"oat-milk"},{"code":"soy-milk"}]}""", "lines[1].options[1].code", TestName = "PlaceOrder_TooManyInAGroup_Is400OnTheOptionBeyondTheLimit")]
    [TestCase("""{"menuItemId":2,"quantity":1,"options":[{"code":"extra-shot","quantity":4}]}""", "lines[1].options[0].quantity", TestName = "PlaceOrder_QuantityOverMaxQuantity_Is400OnTheOptionsQuantity")]
    [TestCase("""{"menuItemId":2,"quantity":1,"options":[{"code":"extra-shot","quantity":11}]}""", "lines[1].options[0].quantity", TestName = "PlaceOrder_QuantityOverAnyGroupsLimit_Is400AtTheEdge")]
    [TestCase("""{"menuItemId":2,"quantity":1,"options":[{"quantity":1}]}""", "lines[1].options[0].code", TestName = "PlaceOrder_OptionWithoutCode_Is400AtTheEdge")]
    public async Task PlaceOrder_RuleBroken_Is400NamingTheLineAndField(string secondLine, string field)
    {
        using var response = await PostOrderAsync(_customer, $$"""{"customerName":"Ann","lines":[{"menuItemId":1,"quantity":1},{{secondLine}}]}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Does.Contain(field), problem.Json.ToString());
    }

    [Test]
    public async Task PlaceOrder_UnavailableOption_Is400OnTheOptionsCode()
    {
        using var response = await PostOrderAsync(_customer, $$"""
            {"customerName":"Ann","lines":[{"menuItemId":{{_sundae.Id}},"quantity":1,"options":[{"code":"api-cream"},{"code":"api-sprinkles"}]}]}
            """);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Does.Contain("lines[0].options[1].code"), problem.Json.ToString());
    }

    [Test]
    public async Task PlaceOrder_FewerThanTheGroupsMinimum_Is400OnTheLinesOptions()
    {
        using var response = await PostOrderAsync(_customer, $$"""
            {"customerName":"Ann","lines":[{"menuItemId":{{_sundae.Id}},"quantity":1,"options":[{"code":"api-cream"}]}]}
            """);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Does.Contain("lines[0].options"), problem.Json.ToString());
    }

    [Test]
    public async Task PlaceOrder_GroupWithAMinimumLeftOut_GetsItsDefaults()
    {
        using var response = await PostOrderAsync(_customer, $$"""{"customerName":"Ann","lines":[{"menuItemId":{{_sundae.Id}},"quantity":1}]}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var line = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines")[0];
        Assert.That(line.GetProperty("unitPrice").GetDecimal(), Is.EqualTo(4.00m + 0.30m + 0.20m));
    }

    // ---- idempotency covers the size and the options ----

    [Test]
    public async Task PlaceOrder_SameKeyOtherOptions_Is422()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostOrderAsync(_customer, """{"customerName":"Ann","lines":[{"menuItemId":2,"quantity":1,"options":[{"code":"oat-milk"}]}]}""", key);
        using var retry = await PostOrderAsync(_customer, """{"customerName":"Ann","lines":[{"menuItemId":2,"quantity":1,"options":[{"code":"oat-milk"}]}]}""", key);
        using var other = await PostOrderAsync(_customer, """{"customerName":"Ann","lines":[{"menuItemId":2,"quantity":1,"options":[{"code":"almond-milk"}]}]}""", key);
        using var otherSize = await PostOrderAsync(_customer, """{"customerName":"Ann","lines":[{"menuItemId":2,"quantity":1,"size":"large","options":[{"code":"oat-milk"}]}]}""", key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location), "the retry answers the first order");
        }

        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await otherSize.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    // ---- the compatible API keeps its shape and makes one default size ----

    [Test]
    public async Task CompatiblePost_CreatesAnItemWithOneDefaultSize()
    {
        using var response = await _admin.PostAsJsonAsync(
            new Uri("/coffee/hot", UriKind.Relative),
            new { title = "Api Compat Sizes Coffee", description = "Plain.", ingredients = new[] { "Coffee" }, image = (string?)null });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(created.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "title", "description", "ingredients", "image", "id" }));
        var item = await Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/menu-items/{created.GetProperty("id").GetInt32()}", UriKind.Relative));
        var size = item.GetProperty("sizes").EnumerateArray().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(size.GetProperty("code").GetString(), Is.EqualTo("regular"));
            Assert.That(size.GetProperty("isDefault").GetBoolean(), Is.True);
            Assert.That(size.GetProperty("price").GetDecimal(), Is.EqualTo(item.GetProperty("price").GetDecimal()));
            Assert.That(item.GetProperty("optionGroups").GetArrayLength(), Is.Zero);
        }
    }

    // ---- menu item writes with sizes and groups ----

    [Test]
    public async Task CreateMenuItem_SizesWithoutPrice_TakesTheDefaultSizesPriceAndShowsTheGroups()
    {
        using var response = await SendJsonAsync(_admin, HttpMethod.Post, "/api/v1/menu-items", """
            {"category":"hot","title":"Api Sized Flat White","description":"","ingredients":["Espresso","Milk"],
             "sizes":[{"code":"small","name":"Small","price":3.20},{"code":"large","name":"Large","price":4.10,"isDefault":true}],
             "optionGroupCodes":["milk","extra-shots"]}
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var item = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.GetProperty("price").GetDecimal(), Is.EqualTo(4.10m));
            Assert.That(item.GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("isDefault").GetBoolean()), Is.EqualTo(new[] { false, true }));
            Assert.That(item.GetProperty("optionGroups").EnumerateArray().Select(g => g.GetProperty("code").GetString()), Is.EqualTo(new[] { "milk", "extra-shots" }));
        }
    }

    [TestCase("""{"price":3.00,"sizes":[{"code":"regular","name":"Regular","price":3.20,"isDefault":true}]}""", "price", TestName = "CreateMenuItem_PriceDisagreesWithTheDefaultSize_Is400OnPrice")]
    [TestCase("""{"price":3.00,"optionGroupCodes":["no-such-group"]}""", "optionGroupCodes[0]", TestName = "CreateMenuItem_UnknownOptionGroupCode_Is400OnThatCode")]
    [TestCase("""{"sizes":[{"code":"small","name":"Small","price":3.20,"isDefault":true},{"code":"large","price":4.10}]}""", "sizes[1].name", TestName = "CreateMenuItem_SizeWithoutName_Is400NamingTheSize")]
    [TestCase("""{"sizes":[{"code":"small","name":"Small","price":3.20},{"code":"large","name":"Large","price":4.10}]}""", "sizes", TestName = "CreateMenuItem_NoDefaultSize_Is400OnSizes")]
    public async Task CreateMenuItem_BadSizesOrGroups_Is400NamingTheField(string sizesAndGroups, string field)
    {
        var body = JsonNode.Parse("""{"category":"hot","title":"Api Bad Sizes","description":"","ingredients":["Espresso"]}""")!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(sizesAndGroups)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        using var response = await SendJsonAsync(_admin, HttpMethod.Post, "/api/v1/menu-items", body.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { field }), problem.Json.ToString());
    }

    [Test]
    public async Task ReplaceMenuItem_WithoutSizes_KeepsThemWithTheDefaultAtTheNewPrice()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Api Put Keeps Sizes").BuildDetails() with
        {
            Price = 3.00m,
            Sizes = [new MenuItemSize("small", "Small", 2.60m), new MenuItemSize("medium", "Medium", 3.00m, IsDefault: true)],
            OptionGroupCodes = ["syrups"],
        });

        using var response = await SendJsonAsync(_admin, HttpMethod.Put, $"/api/v1/menu-items/{item.Id}", """
            {"category":"hot","title":"Api Put Keeps Sizes","description":"","ingredients":["Espresso"],"image":null,"price":3.20,"isAvailable":true}
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var written = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(written.GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("price").GetDecimal()), Is.EqualTo(new[] { 2.60m, 3.20m }));
            Assert.That(written.GetProperty("optionGroups").EnumerateArray().Select(g => g.GetProperty("code").GetString()), Is.EqualTo(new[] { "syrups" }));
        }
    }

    [Test]
    public async Task MergePatchMenuItem_SizesOnly_TakesThePriceFromTheNewDefault_AndPriceOnlyMovesTheDefault()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Api Patch Sizes").WithPrice(3.00m).BuildDetails());

        using var sizes = await SendJsonAsync(_admin, HttpMethod.Patch, $"/api/v1/menu-items/{item.Id}", """
            {"sizes":[{"code":"small","name":"Small","price":2.80,"isDefault":true},{"code":"large","name":"Large","price":3.60}],"optionGroupCodes":["milk"]}
            """, "application/merge-patch+json");
        using var price = await SendJsonAsync(_admin, HttpMethod.Patch, $"/api/v1/menu-items/{item.Id}", """{"price":2.90}""", "application/merge-patch+json");

        Assert.That(sizes.StatusCode, Is.EqualTo(HttpStatusCode.OK), await sizes.Content.ReadAsStringAsync());
        Assert.That(price.StatusCode, Is.EqualTo(HttpStatusCode.OK), await price.Content.ReadAsStringAsync());
        var afterSizes = await sizes.Content.ReadFromJsonAsync<JsonElement>();
        var afterPrice = await price.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterSizes.GetProperty("price").GetDecimal(), Is.EqualTo(2.80m));
            Assert.That(afterSizes.GetProperty("optionGroups").EnumerateArray().Select(g => g.GetProperty("code").GetString()), Is.EqualTo(new[] { "milk" }));
            Assert.That(afterPrice.GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("price").GetDecimal()), Is.EqualTo(new[] { 2.90m, 3.60m }));
        }
    }

    [Test]
    public async Task JsonPatchMenuItem_ASizesPrice_ChangesThatSizeOnly()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Api Json Patch Sizes").BuildDetails() with
        {
            Price = 3.00m,
            Sizes = [new MenuItemSize("medium", "Medium", 3.00m, IsDefault: true), new MenuItemSize("large", "Large", 3.50m)],
        });

        using var response = await SendJsonAsync(_admin, HttpMethod.Patch, $"/api/v1/menu-items/{item.Id}", """
            [{"op":"replace","path":"/sizes/1/price","value":3.70}]
            """, "application/json-patch+json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var written = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(written.GetProperty("price").GetDecimal(), Is.EqualTo(3.00m));
            Assert.That(written.GetProperty("sizes").EnumerateArray().Select(s => s.GetProperty("price").GetDecimal()), Is.EqualTo(new[] { 3.00m, 3.70m }));
        }
    }

    private static Task<HttpResponseMessage> PostOrderAsync(HttpClient client, string json, string? idempotencyKey = null) =>
        SendJsonAsync(client, HttpMethod.Post, "/api/v1/orders", json, idempotencyKey: idempotencyKey);

    [Test]
    public async Task GetMenuItem_AGroupItOffersChanges_TheItemsETagChangesButItsIfMatchStillHolds()
    {
        var url = $"/api/v1/menu-items/{_sundae.Id}";
        using var before = await Factory.CreateClient().GetAsync(url);
        var oldTag = before.Headers.ETag!;

        await Factory.WithScopeAsync(async s =>
        {
            var groups = s.GetRequiredService<OptionGroupService>();
            var group = await groups.GetAsync(Toppings, CancellationToken.None);
            return await groups.ReplaceAsync(Toppings, group.Details with { Name = "Sundae toppings" }, group.Version, CancellationToken.None);
        });
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(oldTag);
        using var after = await Factory.CreateClient().SendAsync(conditional);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = new StringContent("""{"description":"Now with sundae toppings."}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        patch.Headers.IfMatch.Add(oldTag);
        using var patched = await _admin.SendAsync(patch);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(oldTag.Tag.ToString(), Does.StartWith($"\"{_sundae.Version}."), "the item's version, then its groups' state");
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a stale copy of the groups is not fresh");
            Assert.That(after.Headers.ETag, Is.Not.EqualTo(oldTag));
            Assert.That((await after.Content.ReadFromJsonAsync<JsonObject>())!["optionGroups"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("Sundae toppings"));
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), "If-Match guards the item's own version only");
        }
    }

    private static async Task<HttpResponseMessage> SendJsonAsync(
        HttpClient client, HttpMethod method, string url, string json, string contentType = "application/json", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }
}
