using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Controllers.Api;

/// <summary>The drop-in routes of the Sample APIs coffee API: shapes, headers and errors.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class CoffeeApiControllerTests : IntegrationTestBase
{
    private static readonly string[] ContractKeys = ["title", "description", "ingredients", "image", "id"];

    [TestCase("DELETE", "/coffee/hot")]
    [TestCase("PUT", "/coffee/iced")]
    [TestCase("POST", "/coffee/hot/1")]
    public async Task WrongMethod_OnACompatibleRoute_Is405WithAllow(string method, string path)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.That(response.Content.Headers.Allow, Is.Not.Empty, "the methods the route does take");
    }

    [TestCase("hot")]
    [TestCase("iced")]
    public async Task List_Category_ReturnsArrayOfTheFiveContractKeysInOrder(string category)
    {
        using var response = await Client.GetAsync($"/coffee/{category}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var items = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(items.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(items.GetArrayLength(), Is.GreaterThanOrEqualTo(10));
        Assert.That(items.EnumerateArray().Select(i => i.EnumerateObject().Select(p => p.Name).ToArray()), Has.All.EqualTo(ContractKeys));
    }

    [Test]
    public async Task List_Item_HasIntegerIdStringArrayIngredientsAndStrings()
    {
        var items = await Client.GetFromJsonAsync<JsonElement>("/coffee/hot");

        using (Assert.EnterMultipleScope())
        {
            foreach (var item in items.EnumerateArray())
            {
                Assert.That(item.GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Number));
                Assert.That(item.GetProperty("id").TryGetInt32(out _), Is.True, "id is an integer");
                Assert.That(item.GetProperty("title").ValueKind, Is.EqualTo(JsonValueKind.String));
                Assert.That(item.GetProperty("description").ValueKind, Is.EqualTo(JsonValueKind.String));
                Assert.That(item.GetProperty("image").ValueKind, Is.EqualTo(JsonValueKind.String));
                Assert.That(item.GetProperty("ingredients").GetArrayLength(), Is.GreaterThan(0));
                Assert.That(item.GetProperty("ingredients").EnumerateArray().Select(i => i.ValueKind), Has.All.EqualTo(JsonValueKind.String));
            }
        }
    }

    [TestCase("hot")]
    [TestCase("iced")]
    public async Task List_Category_SendsXTotalCountOfTheWholeList(string category)
    {
        using var response = await Client.GetAsync($"/coffee/{category}");
        var items = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(TotalCount(response), Is.EqualTo(items.GetArrayLength()));
        Assert.That(response.Headers.GetValues("Access-Control-Expose-Headers").Single(), Does.Contain("X-Total-Count"));
    }

    [Test]
    public async Task List_HotAndIced_AreDisjoint()
    {
        var hot = await IdsAsync("/coffee/hot");
        var iced = await IdsAsync("/coffee/iced");

        Assert.That(hot.Intersect(iced), Is.Empty);
    }

    [Test]
    public async Task List_UnknownCategory_Returns404Problem()
    {
        using var response = await Client.GetAsync("/coffee/tea");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_HotId_ReturnsThatDrinkWithTheContractKeys()
    {
        var first = (await Client.GetFromJsonAsync<JsonElement>("/coffee/hot"))[0];
        var id = first.GetProperty("id").GetInt32();

        using var response = await Client.GetAsync($"/coffee/hot/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var item = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(item.EnumerateObject().Select(p => p.Name), Is.EqualTo(ContractKeys));
        Assert.That(item.GetRawText(), Is.EqualTo(first.GetRawText()), "the same drink as in the list");
    }

    [Test]
    public async Task Get_IcedIdUnderHot_Returns404Problem()
    {
        var icedId = (await IdsAsync("/coffee/iced"))[0];

        using var response = await Client.GetAsync($"/coffee/hot/{icedId}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_UnknownId_Returns404ProblemNamingTheRoute()
    {
        using var response = await Client.GetAsync("/coffee/hot/999999");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Instance, Is.EqualTo("/coffee/hot/999999"));
    }

    [Test]
    public async Task Get_UnknownCategory_Returns404Problem()
    {
        var hotId = (await IdsAsync("/coffee/hot"))[0];

        using var response = await Client.GetAsync($"/coffee/tea/{hotId}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_NonNumericId_Returns404Problem()
    {
        using var response = await Client.GetAsync("/coffee/hot/latte");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static int TotalCount(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);

    private async Task<List<int>> IdsAsync(string url) =>
        (await Client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
}
