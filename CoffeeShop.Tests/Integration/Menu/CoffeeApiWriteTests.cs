using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Menu;

/// <summary>The compatible writes on /coffee/{category}: json-server's statuses and shapes, problem details on errors.</summary>
[TestFixture]
public sealed class CoffeeApiWriteTests : IntegrationTestBase
{
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _admin = await Factory.CreateClientAsAsync(AppRoles.Admin);
    }

    [OneTimeTearDown]
    public void OneTimeTearDown()
    {
        _admin.Dispose();
    }

    [Test]
    public async Task Post_AllFourFields_Returns201WithLocationAndTheCompatShape()
    {
        using var response = await _admin.PostAsync("/coffee/iced", Json(Coffee("Iced Honey Latte")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await Body(response);
        var id = (int)body["id"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo($"/coffee/iced/{id}"));
            Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "title", "description", "ingredients", "image", "id" }));
            Assert.That((string?)body["title"], Is.EqualTo("Iced Honey Latte"));
        });
    }

    [Test]
    public async Task Post_CreatesAnAvailableItemAtTheDefaultPrice()
    {
        using var response = await _admin.PostAsync("/coffee/hot", Json(Coffee("Default Price Drink")));
        var id = (int)(await Body(response))["id"]!;

        var item = await Factory.FindMenuItemAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(item!.Price, Is.EqualTo(3.50m));
            Assert.That(item.IsAvailable, Is.True);
            Assert.That(item.Category, Is.EqualTo(MenuCategory.Hot));
        });
    }

    [TestCase("title")]
    [TestCase("description")]
    [TestCase("ingredients")]
    [TestCase("image")]
    public async Task Post_FieldMissing_Returns400NamingIt(string field)
    {
        var body = Coffee("Missing " + field);
        body.Remove(field);

        using var response = await _admin.PostAsync("/coffee/hot", Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Errors(await Body(response)).Keys, Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Post_EmptyObject_Returns400NamingAllFourFields()
    {
        using var response = await _admin.PostAsync("/coffee/hot", Json(new JsonObject()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = Errors(await Body(response));
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "title", "description", "ingredients", "image" }));
        Assert.That((string?)errors["image"]![0], Is.EqualTo("The image field is required."));
    }

    [Test]
    public async Task Post_ImageNull_IsNotMissing_Returns201WithoutAPicture()
    {
        var body = Coffee("Compat Image Null");
        body["image"] = null;

        using var response = await _admin.PostAsync("/coffee/hot", Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await Factory.FindMenuItemAsync((int)(await Body(response))["id"]!))!.Image, Is.Null);
    }

    [TestCase("title")]
    [TestCase("description")]
    [TestCase("ingredients")]
    public async Task Put_NullForAFieldThatCannotBeNull_Returns400NamingIt(string field)
    {
        var item = await Factory.AddMenuItemAsync("Put Null Compat " + field);
        var body = Coffee(item.Title);
        body[field] = null;

        using var response = await _admin.PutAsync($"/coffee/hot/{item.Id}", Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = Errors(await Body(response));
        Assert.That(errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That((string?)errors[field]![0], Is.EqualTo($"The {field} field cannot be null."));
    }

    [Test]
    public async Task Patch_NullTitle_Returns400NamingTitleAndChangesNothing()
    {
        var item = await Factory.AddMenuItemAsync("Patch Null Title Compat");

        using var response = await _admin.PatchAsync($"/coffee/hot/{item.Id}", Json(new JsonObject { ["title"] = null }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Errors(await Body(response)).Keys, Is.EqualTo(new[] { "title" }));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Version, Is.EqualTo(item.Version));
    }

    [Test]
    public async Task Post_ImageThatIsNoUrlOrPath_Returns400ForImage()
    {
        var body = Coffee("Bad Image Drink");
        body["image"] = "javascript:alert(1)";

        using var response = await _admin.PostAsync("/coffee/hot", Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Errors(await Body(response)), Does.ContainKey("image"));
    }

    [Test]
    public async Task Post_DuplicateTitleInTheCategory_Returns409()
    {
        await Factory.AddMenuItemAsync("Duplicate Compat");

        using var response = await _admin.PostAsync("/coffee/hot", Json(Coffee("Duplicate Compat")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Post_UnknownCategory_Returns404()
    {
        using var response = await _admin.PostAsync("/coffee/tea", Json(Coffee("Green Tea")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_Anonymous_Returns401()
    {
        using var anonymous = Factory.CreateClient();

        using var response = await anonymous.PostAsync("/coffee/hot", Json(Coffee("Anonymous Drink")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Post_CustomerToken_Returns403()
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

        using var response = await customer.PostAsync("/coffee/hot", Json(Coffee("Customer Drink")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Put_AllFourFields_Returns200AndKeepsPriceAndAvailability()
    {
        var item = await Factory.AddMenuItemAsync("Put Compat", price: 4.40m);
        var body = Coffee("Put Compat Renamed");
        body["price"] = 99;

        using var response = await _admin.PutAsync($"/coffee/hot/{item.Id}", Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var saved = await Factory.FindMenuItemAsync(item.Id);
        Assert.Multiple(() =>
        {
            Assert.That(saved!.Title, Is.EqualTo("Put Compat Renamed"));
            Assert.That(saved.Price, Is.EqualTo(4.40m));
            Assert.That(saved.Category, Is.EqualTo(MenuCategory.Hot));
        });
    }

    [Test]
    public async Task Put_FieldMissing_Returns400NamingItAndChangesNothing()
    {
        var item = await Factory.AddMenuItemAsync("Put Missing Compat");
        var body = Coffee("Put Missing Compat Renamed");
        body.Remove("description");

        using var response = await _admin.PutAsync($"/coffee/hot/{item.Id}", Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Errors(await Body(response)), Does.ContainKey("description"));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Title, Is.EqualTo("Put Missing Compat"));
    }

    [TestCase("application/json")]
    [TestCase("application/merge-patch+json")]
    public async Task Patch_OneField_Returns200AndMergesIt(string mediaType)
    {
        var item = await Factory.AddMenuItemAsync("Patch Compat " + mediaType);

        using var response = await _admin.PatchAsync(
            $"/coffee/hot/{item.Id}", Json(new JsonObject { ["description"] = "Patched.", ["unknown"] = 1 }, mediaType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await Body(response);
        Assert.Multiple(() =>
        {
            Assert.That((string?)body["description"], Is.EqualTo("Patched."));
            Assert.That((string?)body["title"], Is.EqualTo("Patch Compat " + mediaType));
        });
    }

    [Test]
    public async Task Patch_NoKnownField_Returns400()
    {
        var item = await Factory.AddMenuItemAsync("Patch Nothing Compat");

        using var response = await _admin.PatchAsync($"/coffee/hot/{item.Id}", Json(new JsonObject { ["price"] = 1 }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Delete_Returns200WithAnEmptyObjectAndRemovesTheItem()
    {
        var item = await Factory.AddMenuItemAsync("Delete Compat");

        using var response = await _admin.DeleteAsync($"/coffee/hot/{item.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{}"));
        Assert.That(await Factory.FindMenuItemAsync(item.Id), Is.Null);
    }

    [Test]
    public async Task Delete_IdOfTheOtherCategory_Returns404AndKeepsTheItem()
    {
        var item = await Factory.AddMenuItemAsync("Delete Wrong Category Compat");

        using var response = await _admin.DeleteAsync($"/coffee/iced/{item.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Factory.FindMenuItemAsync(item.Id), Is.Not.Null);
    }

    [TestCase("PUT", "/coffee/hot/99999")]
    [TestCase("PATCH", "/coffee/hot/99999")]
    [TestCase("DELETE", "/coffee/hot/99999")]
    [TestCase("PUT", "/coffee/tea/1")]
    public async Task Write_UnknownIdOrCategory_Returns404ProblemDetails(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(Coffee("Nowhere")) };

        using var response = await _admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private static JsonObject Coffee(string title) => new()
    {
        ["title"] = title,
        ["description"] = "Made for a test.",
        ["ingredients"] = new JsonArray("Espresso", "Honey"),
        ["image"] = "/images/menu/latte.svg",
    };

    private static StringContent Json(JsonNode body, string mediaType = "application/json") =>
        new(body.ToJsonString(), Encoding.UTF8, mediaType);

    private static async Task<JsonObject> Body(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private static Dictionary<string, JsonNode?> Errors(JsonObject problem) =>
        problem["errors"]!.AsObject().ToDictionary(p => p.Key, p => p.Value);
}
