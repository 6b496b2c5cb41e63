using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Controllers.Api;

/// <summary>
/// <c>/api/v1/menu-items</c> reads. The fixture adds one unavailable iced drink to the seeded menu so the
/// availability filter has something to find; expectations are computed from the full list.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class MenuItemsApiControllerTests : IntegrationTestBase
{
    private static readonly string[] ItemKeys =
        ["id", "category", "title", "description", "ingredients", "image", "price", "sizes", "optionGroups", "isAvailable", "createdAt", "updatedAt"];

    private MenuItem _unavailable = null!;
    private List<JsonElement> _all = null!;

    [OneTimeSetUp]
    public async Task ArrangeMenuAsync()
    {
        _unavailable = await Factory.AddMenuItemAsync(
            new MenuItemBuilder().Iced().WithTitle("Seasonal Cold Foam").WithDescription("Back next summer.").Unavailable().BuildDetails());
        _all = (await GetPageAsync("/api/v1/menu-items?pageSize=100")).Items;
    }

    [Test]
    public async Task List_NoParameters_ReturnsFirstPageOfTwentyInTheEnvelope()
    {
        using var response = await Client.GetAsync("/api/v1/menu-items");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "items", "page", "pageSize", "totalCount" }));
            Assert.That(body.GetProperty("page").GetInt32(), Is.EqualTo(1));
            Assert.That(body.GetProperty("pageSize").GetInt32(), Is.EqualTo(20));
            Assert.That(body.GetProperty("totalCount").GetInt32(), Is.EqualTo(_all.Count));
            Assert.That(body.GetProperty("items").GetArrayLength(), Is.EqualTo(20));
        }
    }

    [Test]
    public void List_Item_HasEveryCamelCaseField()
    {
        Assert.That(_all.Select(i => i.EnumerateObject().Select(p => p.Name).ToArray()), Has.All.EquivalentTo(ItemKeys));
        Assert.That(_all.Select(i => i.GetProperty("price").GetDecimal()), Has.All.InRange(0.01m, 100.00m));
    }

    [Test]
    public void List_DefaultSort_IsById()
    {
        Assert.That(_all.Select(Id), Is.Ordered.Ascending);
    }

    [TestCase("iced")]
    [TestCase("hot")]
    public async Task List_Category_ReturnsOnlyThatCategory(string category)
    {
        var page = await GetPageAsync($"/api/v1/menu-items?category={category}&pageSize=100");

        Assert.That(page.Items.Select(Category), Has.All.EqualTo(category));
        Assert.That(page.TotalCount, Is.EqualTo(_all.Count(i => Category(i) == category)));
    }

    [Test]
    public async Task List_Search_MatchesTitleOrDescriptionCaseInsensitively()
    {
        var page = await GetPageAsync("/api/v1/menu-items?search=CHOCOLATE");

        Assert.That(page.Items.Select(Title), Is.EquivalentTo(new[] { "Mocha", "Iced Mocha" }));
    }

    [Test]
    public async Task List_AvailableFalse_ReturnsOnlyUnavailableItems()
    {
        var page = await GetPageAsync("/api/v1/menu-items?available=false");

        Assert.That(page.Items.Select(Id), Is.EqualTo(new[] { _unavailable.Id }));
    }

    [Test]
    public async Task List_AvailableTrue_LeavesUnavailableItemsOut()
    {
        var page = await GetPageAsync("/api/v1/menu-items?available=true&pageSize=100");

        Assert.That(page.Items.Select(Id), Does.Not.Contain(_unavailable.Id));
        Assert.That(page.TotalCount, Is.EqualTo(_all.Count - 1));
    }

    [Test]
    public async Task List_SortByPriceDescending_OrdersByPriceThenId()
    {
        var page = await GetPageAsync("/api/v1/menu-items?sort=-price&pageSize=100");

        var expected = _all.OrderByDescending(i => i.GetProperty("price").GetDecimal()).ThenBy(Id).Select(Id);
        Assert.That(page.Items.Select(Id), Is.EqualTo(expected));
    }

    [Test]
    public async Task List_SortByTitle_OrdersAlphabetically()
    {
        var page = await GetPageAsync("/api/v1/menu-items?sort=title&pageSize=100");

        Assert.That(page.Items.Select(Title), Is.EqualTo(_all.Select(Title).Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task List_PageAndPageSize_ReturnThatSlice()
    {
        var page = await GetPageAsync("/api/v1/menu-items?page=2&pageSize=5");

        Assert.That(page.Items.Select(Id), Is.EqualTo(_all.Skip(5).Take(5).Select(Id)));
        Assert.That((page.Page, page.PageSize, page.TotalCount), Is.EqualTo((2, 5, _all.Count)));
    }

    [Test]
    public async Task List_CombinedFilters_AllApply()
    {
        var page = await GetPageAsync("/api/v1/menu-items?category=iced&search=milk&available=true&sort=-title&pageSize=100");

        Assert.That(page.Items, Is.Not.Empty);
        Assert.That(page.Items.Select(Category), Has.All.EqualTo("iced"));
        Assert.That(page.Items.Select(i => i.GetProperty("isAvailable").GetBoolean()), Has.All.True);
        Assert.That(page.Items.Select(i => Title(i) + " " + i.GetProperty("description").GetString()), Has.All.Contains("milk").IgnoreCase);
        Assert.That(page.Items.Select(Title), Is.Ordered.Descending.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [TestCase("page=0", "page")]
    [TestCase("page=abc", "page")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=101", "pageSize")]
    [TestCase("category=tea", "category")]
    [TestCase("sort=bogus", "sort")]
    [TestCase("sort=-bogus", "sort")]
    [TestCase("available=maybe", "available")]
    public async Task List_BadParameter_Returns400ProblemKeyedByTheParameter(string query, string parameter)
    {
        using var response = await Client.GetAsync($"/api/v1/menu-items?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { parameter }));
        Assert.That(problem.Errors[parameter], Is.Not.Empty);
    }

    [Test]
    public async Task Get_ExistingId_ReturnsTheItemWithAStrongETag()
    {
        var expected = _all.First(i => Title(i) == "Latte");

        using var response = await Client.GetAsync($"/api/v1/menu-items/{Id(expected)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(response.Headers.ETag!.IsWeak, Is.False);
        var item = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(item.GetRawText(), Is.EqualTo(expected.GetRawText()));
    }

    [Test]
    public async Task Get_IfNoneMatchWithCurrentETag_Returns304WithoutBody()
    {
        var id = Id(_all[0]);
        using var first = await Client.GetAsync($"/api/v1/menu-items/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/menu-items/{id}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(response.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task Get_IfNoneMatchWithStaleETag_Returns200()
    {
        var id = Id(_all[0]);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/menu-items/{id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"999\""));

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Id(await response.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo(id));
    }

    [Test]
    public async Task Get_MissingId_Returns404Problem()
    {
        using var response = await Client.GetAsync("/api/v1/menu-items/999999");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Detail, Does.Contain("999999"));
    }

    private static int Id(JsonElement item) => item.GetProperty("id").GetInt32();

    private static string Title(JsonElement item) => item.GetProperty("title").GetString()!;

    private static string Category(JsonElement item) => item.GetProperty("category").GetString()!;

    private async Task<(List<JsonElement> Items, int Page, int PageSize, int TotalCount)> GetPageAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (
            body.GetProperty("items").EnumerateArray().ToList(),
            body.GetProperty("page").GetInt32(),
            body.GetProperty("pageSize").GetInt32(),
            body.GetProperty("totalCount").GetInt32());
    }
}
