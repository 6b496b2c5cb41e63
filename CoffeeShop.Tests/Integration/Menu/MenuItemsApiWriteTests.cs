using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Menu;

/// <summary>The versioned API's writes: full replace, both patch formats, If-Match and If-None-Match, media types.</summary>
[TestFixture]
public sealed class MenuItemsApiWriteTests : IntegrationTestBase
{
    private const string MergePatch = "application/merge-patch+json";
    private const string JsonPatch = "application/json-patch+json";
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

    [TestCase("category")]
    [TestCase("title")]
    [TestCase("description")]
    [TestCase("ingredients")]
    [TestCase("image")]
    [TestCase("price")]
    [TestCase("isAvailable")]
    public async Task Put_FieldMissing_Returns400NamingOnlyThatField(string field)
    {
        var item = await Factory.AddMenuItemAsync("Put Missing " + field);
        var body = FullBody(item.Title);
        body.Remove(field);

        using var response = await _admin.PutAsync($"/api/v1/menu-items/{item.Id}", Content(body, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(problem.Errors[field], Is.EqualTo(new[] { $"The {field} field is required." }));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Version, Is.EqualTo(item.Version), "nothing was saved");
    }

    [Test]
    public async Task Put_EmptyObject_Returns400NamingEveryField()
    {
        var item = await Factory.AddMenuItemAsync("Put Empty Object");

        using var response = await _admin.PutAsync($"/api/v1/menu-items/{item.Id}", Content(new JsonObject(), "application/json"));

        // price may be left out when sizes are sent, so it is named once the other fields are there (Put_FieldMissing).
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EquivalentTo(FullBody("x").Select(p => p.Key).Where(k => k != "price")));
        Assert.That(problem.Errors.Values.SelectMany(m => m), Has.All.Not.Contain("MenuItemRequest").And.All.EndsWith("field is required."));
    }

    [TestCase("category")]
    [TestCase("title")]
    [TestCase("description")]
    [TestCase("ingredients")]
    [TestCase("isAvailable")]
    public async Task Put_NullForAFieldThatCannotBeNull_Returns400NamingIt(string field)
    {
        var item = await Factory.AddMenuItemAsync("Put Null " + field);
        var body = FullBody(item.Title);
        body[field] = null;

        using var response = await _admin.PutAsync($"/api/v1/menu-items/{item.Id}", Content(body, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(problem.Errors[field], Is.EqualTo(new[] { $"The {field} field cannot be null." }));
    }

    [Test]
    public async Task Put_PriceNullWithoutSizes_Returns400NamingPrice()
    {
        var item = await Factory.AddMenuItemAsync("Put Null price");
        var body = FullBody(item.Title);
        body["price"] = null;

        using var response = await _admin.PutAsync($"/api/v1/menu-items/{item.Id}", Content(body, "application/json"));

        // Null is as good as left out: the price then comes from the sizes, and without them it is missing.
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "price" }));
        Assert.That(problem.Errors["price"], Is.EqualTo(new[] { "The price field is required." }));
    }

    [Test]
    public async Task Put_ImageNull_IsNotMissing_ClearsThePicture()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Put Image Null").WithImage("/images/menu/latte.svg").BuildDetails());
        var body = FullBody(item.Title);
        body["image"] = null;

        using var response = await _admin.PutAsync($"/api/v1/menu-items/{item.Id}", Content(body, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Image, Is.Null);
    }

    [Test]
    public async Task Put_FieldNamesInAnotherCase_AreRead()
    {
        var item = await Factory.AddMenuItemAsync("Put Pascal Case");
        var body = new JsonObject(FullBody("Put Pascal Case Renamed").Select(p => KeyValuePair.Create(char.ToUpperInvariant(p.Key[0]) + p.Key[1..], p.Value?.DeepClone())));

        using var response = await _admin.PutAsync($"/api/v1/menu-items/{item.Id}", Content(body, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Title, Is.EqualTo("Put Pascal Case Renamed"));
    }

    [TestCase("category")]
    [TestCase("title")]
    [TestCase("description")]
    [TestCase("ingredients")]
    [TestCase("price")]
    public async Task Post_RequiredFieldMissing_Returns400NamingOnlyThatField(string field)
    {
        var body = FullBody("Post Missing " + field);
        body.Remove(field);

        using var response = await _admin.PostAsync("/api/v1/menu-items", Content(body, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(problem.Errors[field], Is.EqualTo(new[] { $"The {field} field is required." }));
    }

    [Test]
    public async Task Post_EmptyObject_Returns400NamingEachRequiredField()
    {
        using var response = await _admin.PostAsync("/api/v1/menu-items", Content(new JsonObject(), "application/json"));

        // price may be left out when sizes are sent, so it is named once the other fields are there (Post_RequiredFieldMissing).
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EquivalentTo(new[] { "category", "title", "description", "ingredients" }));
    }

    [Test]
    public async Task Post_WithoutImageAndIsAvailable_CreatesAnAvailableItemWithoutAPicture()
    {
        var body = FullBody("Post Optional Left Out");
        body.Remove("image");
        body.Remove("isAvailable");

        using var response = await _admin.PostAsync("/api/v1/menu-items", Content(body, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var saved = await Factory.FindMenuItemAsync((int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        Assert.Multiple(() =>
        {
            Assert.That(saved!.IsAvailable, Is.True);
            Assert.That(saved.Image, Is.Null);
            Assert.That(saved.Description, Is.EqualTo("Replaced in a test."));
        });
    }

    [Test]
    public async Task Post_EmptyDescriptionAndUnknownCategory_Returns400ForCategoryOnly()
    {
        var body = FullBody("Post Unknown Category");
        body["description"] = string.Empty;
        body["category"] = "tea";

        using var response = await _admin.PostAsync("/api/v1/menu-items", Content(body, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "category" }));
    }

    [TestCase("price", "\"four\"")]
    [TestCase("isAvailable", "\"yes\"")]
    [TestCase("ingredients", "\"Espresso\"")]
    [TestCase("title", "[\"a\"]")]
    public async Task Put_WrongType_Returns400NamingTheFieldWithoutNamingAType(string field, string json)
    {
        var item = await Factory.AddMenuItemAsync("Put Wrong Type " + field);
        var body = FullBody(item.Title);
        body[field] = JsonNode.Parse(json);

        using var response = await _admin.PutAsync($"/api/v1/menu-items/{item.Id}", Content(body, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(problem.Errors[field], Is.EqualTo(new[] { "The value has the wrong type." }));
    }

    [Test]
    public async Task MergePatch_NullForAFieldThatCannotBeNull_Returns400NamingIt()
    {
        var item = await Factory.AddMenuItemAsync("Merge Patch Null Availability");

        using var response = await _admin.PatchAsync(
            $"/api/v1/menu-items/{item.Id}", Content(new JsonObject { ["isAvailable"] = null }, MergePatch));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "isAvailable" }));
    }

    [Test]
    public async Task MergePatch_ImageNull_ClearsThePicture()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Merge Patch Image Null").WithImage("/images/menu/latte.svg").BuildDetails());

        using var response = await _admin.PatchAsync(
            $"/api/v1/menu-items/{item.Id}", Content(new JsonObject { ["image"] = null }, MergePatch));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Image, Is.Null);
    }

    [Test]
    public async Task JsonPatch_ReplaceTitleWithNull_Returns400NamingTitle()
    {
        var item = await Factory.AddMenuItemAsync("Json Patch Null Title");
        var operations = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/title", ["value"] = null });

        using var response = await _admin.PatchAsync($"/api/v1/menu-items/{item.Id}", Content(operations, JsonPatch));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "title" }));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Title, Is.EqualTo("Json Patch Null Title"));
    }

    [Test]
    public async Task MergePatch_ChangesOnlyTheFieldsSent()
    {
        var item = await Factory.AddMenuItemAsync("Merge Patch Happy", price: 3.80m);

        using var response = await _admin.PatchAsync(
            $"/api/v1/menu-items/{item.Id}", Content(new JsonObject { ["price"] = 4.25m }, MergePatch));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var saved = await Factory.FindMenuItemAsync(item.Id);
        Assert.Multiple(() =>
        {
            Assert.That(saved!.Price, Is.EqualTo(4.25m));
            Assert.That(saved.Title, Is.EqualTo("Merge Patch Happy"));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        });
    }

    [Test]
    public async Task JsonPatch_ReplaceOperation_ChangesTheField()
    {
        var item = await Factory.AddMenuItemAsync("Json Patch Happy");
        var operations = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/title", ["value"] = "Json Patch Renamed" });

        using var response = await _admin.PatchAsync($"/api/v1/menu-items/{item.Id}", Content(operations, JsonPatch));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Title, Is.EqualTo("Json Patch Renamed"));
    }

    [Test]
    public async Task MergePatch_BreakingAnInvariant_Returns400AndLeavesTheItemUnchanged()
    {
        var item = await Factory.AddMenuItemAsync("Merge Patch Price Zero", price: 3.80m);

        using var response = await _admin.PatchAsync(
            $"/api/v1/menu-items/{item.Id}", Content(new JsonObject { ["price"] = 0 }, MergePatch));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var saved = await Factory.FindMenuItemAsync(item.Id);
        Assert.Multiple(() =>
        {
            Assert.That(saved!.Price, Is.EqualTo(3.80m));
            Assert.That(saved.Version, Is.EqualTo(item.Version));
        });
    }

    [Test]
    public async Task JsonPatch_EmptyTitle_Returns400AndLeavesTheItemUnchanged()
    {
        var item = await Factory.AddMenuItemAsync("Json Patch Empty Title");
        var operations = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/title", ["value"] = "" });

        using var response = await _admin.PatchAsync($"/api/v1/menu-items/{item.Id}", Content(operations, JsonPatch));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Title, Is.EqualTo("Json Patch Empty Title"));
    }

    [TestCase("PUT")]
    [TestCase("POST")]
    [TestCase("PATCH")]
    public async Task Write_WrongContentType_Returns415(string method)
    {
        var item = await Factory.AddMenuItemAsync("Wrong Media Type " + method);
        var url = method == "POST" ? "/api/v1/menu-items" : $"/api/v1/menu-items/{item.Id}";
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(FullBody("Plain Text").ToJsonString(), Encoding.UTF8, "text/plain"),
        };

        using var response = await _admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [TestCase("PUT")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task Write_StaleIfMatch_Returns412AndChangesNothing(string method)
    {
        var item = await Factory.AddMenuItemAsync("Stale If-Match " + method);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/menu-items/{item.Id}")
        {
            Content = method switch
            {
                "PUT" => Content(FullBody("Stale Renamed " + method), "application/json"),
                "PATCH" => Content(new JsonObject { ["title"] = "Stale Renamed " + method }, MergePatch),
                _ => null,
            },
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"99\""));

        using var response = await _admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))?.Title, Is.EqualTo(item.Title));
    }

    [Test]
    public async Task Get_MatchingIfNoneMatch_Returns304()
    {
        var item = await Factory.AddMenuItemAsync("If-None-Match Item");
        using var anonymous = Factory.CreateClient();
        using var first = await anonymous.GetAsync($"/api/v1/menu-items/{item.Id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/menu-items/{item.Id}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task MergePatch_TwentyInParallelWithTheSameIfMatch_OneSucceedsAndNineteenGet412()
    {
        var item = await Factory.AddMenuItemAsync("Parallel Patch", price: 3.00m);
        var etag = new EntityTagHeaderValue($"\"{item.Version}\"");

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(async n =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/menu-items/{item.Id}")
            {
                Content = Content(new JsonObject { ["price"] = 3.00m + (n / 100m) }, MergePatch),
            };
            request.Headers.IfMatch.Add(etag);
            using var response = await _admin.SendAsync(request);
            return response.StatusCode;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1));
            Assert.That(responses.Count(s => s == HttpStatusCode.PreconditionFailed), Is.EqualTo(19));
        });
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Version, Is.EqualTo(item.Version + 1));
    }

    private static JsonObject FullBody(string title) => new()
    {
        ["category"] = "hot",
        ["title"] = title,
        ["description"] = "Replaced in a test.",
        ["ingredients"] = new JsonArray("Espresso"),
        ["image"] = null,
        ["price"] = 4.10m,
        ["isAvailable"] = true,
    };

    private static StringContent Content(JsonNode body, string mediaType) => new(body.ToJsonString(), Encoding.UTF8, mediaType);
}
