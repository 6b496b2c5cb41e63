using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.Controllers.Api;

/// <summary>
/// <c>/api/v1/option-groups</c> over real SQLite: every status code of the menu items' rules (200, 201, 204, 304, 400,
/// 401, 403, 404, 409, 412, 415), both kinds of PATCH, and the menu's copies evicted by a write. Each test makes its
/// own groups with codes of its own, so the seeded groups stay as they are.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class OptionGroupsApiControllerTests : IntegrationTestBase
{
    private const string Json = "application/json";
    private const string MergePatch = "application/merge-patch+json";
    private const string JsonPatch = "application/json-patch+json";

    private HttpClient _admin = null!;
    private HttpClient _customer = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _admin = await Factory.CreateClientAsAsync(AppRoles.Admin);
        _customer = await Factory.CreateClientAsAsync(AppRoles.Customer);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _admin.Dispose();
        _customer.Dispose();
    }

    // ---- reads ----

    [Test]
    public async Task List_Anonymous_Is200WithTheSeededGroups()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/option-groups", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var groups = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(groups.EnumerateArray().Select(g => g.GetProperty("code").GetString()), Is.SupersetOf(new[] { "milk", "extra-shots", "syrups", "sweetener" }));
    }

    [Test]
    public async Task Get_Anonymous_Is200WithAnETag_AndIfNoneMatchIs304()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/option-groups/extra-shots", UriKind.Relative));
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/option-groups/extra-shots");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await Client.SendAsync(again);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(group.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "code", "name", "minSelected", "maxSelected", "maxQuantity", "options" }));
            Assert.That(group.GetProperty("maxQuantity").GetInt32(), Is.EqualTo(3));
            Assert.That(group.GetProperty("options")[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "code", "name", "priceDelta", "isDefault", "isAvailable" }));
            Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        }
    }

    [Test]
    public async Task Get_UnknownCode_Is404()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/option-groups/no-such-group", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---- create ----

    [Test]
    public async Task Create_Admin_Is201WithLocationAndETag()
    {
        using var response = await SendAsync(_admin, HttpMethod.Post, "/api/v1/option-groups", Group("t-create", "t-create-a", "t-create-b"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith("/api/v1/option-groups/t-create"));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(created.GetProperty("options")[1].GetProperty("priceDelta").GetDecimal(), Is.EqualTo(0.25m));
            Assert.That(created.GetProperty("options")[1].GetProperty("isAvailable").GetBoolean(), Is.True, "isAvailable left out is true");
        }

        using var read = await Client.GetAsync(response.Headers.Location);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Create_Anonymous_Is401()
    {
        using var response = await SendAsync(Client, HttpMethod.Post, "/api/v1/option-groups", Group("t-anon", "t-anon-a", "t-anon-b"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Create_Customer_Is403()
    {
        using var response = await SendAsync(_customer, HttpMethod.Post, "/api/v1/option-groups", Group("t-customer", "t-customer-a", "t-customer-b"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Create_NotJson_Is415()
    {
        using var content = new StringContent(Group("t-text", "t-text-a", "t-text-b").ToJsonString(), Encoding.UTF8, "text/plain");
        using var response = await _admin.PostAsync(new Uri("/api/v1/option-groups", UriKind.Relative), content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Create_FieldMissing_Is400NamingIt()
    {
        var body = Group("t-missing", "t-missing-a", "t-missing-b");
        body.Remove("name");

        using var response = await SendAsync(_admin, HttpMethod.Post, "/api/v1/option-groups", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Create_OptionPriceDeltaOutOfRange_Is400NamingTheOptionInJsonSpelling()
    {
        var body = Group("t-delta", "t-delta-a", "t-delta-b");
        body["options"]![1]!["priceDelta"] = 10.01m;

        using var response = await SendAsync(_admin, HttpMethod.Post, "/api/v1/option-groups", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "options[1].priceDelta" }));
    }

    [Test]
    public async Task Create_MinAboveMax_Is400FromTheDomain()
    {
        var body = Group("t-min", "t-min-a", "t-min-b");
        body["minSelected"] = 2;
        body["maxSelected"] = 1;

        using var response = await SendAsync(_admin, HttpMethod.Post, "/api/v1/option-groups", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "minSelected" }));
    }

    [Test]
    public async Task Create_ExistingGroupCode_Is409()
    {
        using var response = await SendAsync(_admin, HttpMethod.Post, "/api/v1/option-groups", Group("milk", "t-milk-a", "t-milk-b"));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Create_OptionCodeOfAnotherGroup_Is409()
    {
        using var response = await SendAsync(_admin, HttpMethod.Post, "/api/v1/option-groups", Group("t-taken", "t-taken-a", "oat-milk"));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    // ---- replace and patch ----

    [Test]
    public async Task Replace_WithCurrentETag_Is200AndTheNewVersion()
    {
        var etag = await CreateAsync("t-put", "t-put-a", "t-put-b");
        var body = Group("ignored", "t-put-a", "t-put-c");
        body.Remove("code");
        body["name"] = "Renamed";

        using var response = await SendAsync(_admin, HttpMethod.Put, "/api/v1/option-groups/t-put", body, etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(group.GetProperty("name").GetString(), Is.EqualTo("Renamed"));
            Assert.That(group.GetProperty("code").GetString(), Is.EqualTo("t-put"), "the code never changes");
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        }
    }

    [Test]
    public async Task Replace_StaleIfMatch_Is412()
    {
        await CreateAsync("t-stale", "t-stale-a", "t-stale-b");
        var body = Group("t-stale", "t-stale-a", "t-stale-b");

        using var response = await SendAsync(_admin, HttpMethod.Put, "/api/v1/option-groups/t-stale", body, new EntityTagHeaderValue("\"7\""));

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Replace_UnknownCode_Is404()
    {
        using var response = await SendAsync(_admin, HttpMethod.Put, "/api/v1/option-groups/no-such-group", Group("x", "t-404-a", "t-404-b"));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task MergePatch_ChangesOnlyWhatItSends()
    {
        await CreateAsync("t-merge", "t-merge-a", "t-merge-b");

        using var response = await SendAsync(_admin, HttpMethod.Patch, "/api/v1/option-groups/t-merge", new JsonObject { ["maxQuantity"] = 3 }, contentType: MergePatch);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(group.GetProperty("maxQuantity").GetInt32(), Is.EqualTo(3));
            Assert.That(group.GetProperty("name").GetString(), Is.EqualTo("Test group t-merge"));
            Assert.That(group.GetProperty("options").GetArrayLength(), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task MergePatch_StaleIfMatch_Is412()
    {
        await CreateAsync("t-merge-stale", "t-merge-stale-a", "t-merge-stale-b");

        using var response = await SendAsync(
            _admin, HttpMethod.Patch, "/api/v1/option-groups/t-merge-stale", new JsonObject { ["name"] = "x" }, new EntityTagHeaderValue("\"9\""), MergePatch);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task JsonPatch_MarksAnOptionUnavailable()
    {
        await CreateAsync("t-jpatch", "t-jpatch-a", "t-jpatch-b");
        var operations = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/options/1/isAvailable", ["value"] = false });

        using var response = await SendAsync(_admin, HttpMethod.Patch, "/api/v1/option-groups/t-jpatch", operations, contentType: JsonPatch);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(group.GetProperty("options")[1].GetProperty("isAvailable").GetBoolean(), Is.False);
    }

    // ---- delete ----

    [Test]
    public async Task Delete_UnusedGroup_Is204AndThenGone()
    {
        var etag = await CreateAsync("t-delete", "t-delete-a", "t-delete-b");

        using var response = await SendAsync(_admin, HttpMethod.Delete, "/api/v1/option-groups/t-delete", null, etag);
        using var read = await Client.GetAsync(new Uri("/api/v1/option-groups/t-delete", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task Delete_StaleIfMatch_Is412()
    {
        await CreateAsync("t-delete-stale", "t-delete-stale-a", "t-delete-stale-b");

        using var response = await SendAsync(_admin, HttpMethod.Delete, "/api/v1/option-groups/t-delete-stale", null, new EntityTagHeaderValue("\"5\""));

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Delete_GroupAnItemOffers_Is409()
    {
        using var response = await SendAsync(_admin, HttpMethod.Delete, "/api/v1/option-groups/syrups", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    // ---- the menu's copies ----

    [Test]
    public async Task Replace_AGroupAnItemOffers_ShowsInTheCachedMenuAtOnce()
    {
        var before = await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/menu-items/2", UriKind.Relative));
        var list = await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/option-groups", UriKind.Relative));
        var sweetener = list.EnumerateArray().Single(g => g.GetProperty("code").GetString() == "sweetener");
        var body = JsonNode.Parse(sweetener.GetRawText())!.AsObject();
        body.Remove("code");
        body["name"] = "Sugar and sweeteners";

        using var response = await SendAsync(_admin, HttpMethod.Put, "/api/v1/option-groups/sweetener", body);
        var after = await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/menu-items/2", UriKind.Relative));
        var listAfter = await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/option-groups", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That(NameOf(before, "sweetener"), Is.EqualTo("Sweetener"));
            Assert.That(NameOf(after, "sweetener"), Is.EqualTo("Sugar and sweeteners"), "the menu item shows the changed group");
            Assert.That(listAfter.EnumerateArray().Single(g => g.GetProperty("code").GetString() == "sweetener").GetProperty("name").GetString(),
                Is.EqualTo("Sugar and sweeteners"), "the cached list was evicted");
        }

        static string? NameOf(JsonElement item, string code) =>
            item.GetProperty("optionGroups").EnumerateArray().Single(g => g.GetProperty("code").GetString() == code).GetProperty("name").GetString();
    }

    /// <summary>A valid group: two options, the first 0.00 and the second 0.25, none a default, no minimum.</summary>
    private static JsonObject Group(string code, string firstOption, string secondOption) => new()
    {
        ["code"] = code,
        ["name"] = "Test group " + code,
        ["minSelected"] = 0,
        ["maxSelected"] = 2,
        ["maxQuantity"] = 1,
        ["options"] = new JsonArray(
            new JsonObject { ["code"] = firstOption, ["name"] = "First", ["priceDelta"] = 0.00m },
            new JsonObject { ["code"] = secondOption, ["name"] = "Second", ["priceDelta"] = 0.25m }),
    };

    private async Task<EntityTagHeaderValue> CreateAsync(string code, string firstOption, string secondOption)
    {
        using var response = await SendAsync(_admin, HttpMethod.Post, "/api/v1/option-groups", Group(code, firstOption, secondOption));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!;
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string url, JsonNode? body, EntityTagHeaderValue? ifMatch = null, string contentType = Json)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await client.SendAsync(request);
    }
}
