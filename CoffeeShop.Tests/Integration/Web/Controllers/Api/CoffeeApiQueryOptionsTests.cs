using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Controllers.Api;

/// <summary>Every json-server 0.17 list option, end to end over the seeded hot menu.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed partial class CoffeeApiQueryOptionsTests : IntegrationTestBase
{
    private List<Coffee> _hot = null!;

    [OneTimeSetUp]
    public async Task ReadTheHotMenuAsync() => _hot = (await GetAsync("/coffee/hot")).Items;

    [Test]
    public async Task FieldEquality_Title_ReturnsThatDrink()
    {
        var (items, total) = await GetAsync("/coffee/hot?title=Latte");

        Assert.That(items.Select(i => i.Title), Is.EqualTo(new[] { "Latte" }));
        Assert.That(total, Is.EqualTo(1));
    }

    [Test]
    public async Task FieldEquality_RepeatedKey_ReturnsEitherDrink()
    {
        var (items, _) = await GetAsync("/coffee/hot?title=Latte&title=Mocha");

        Assert.That(items.Select(i => i.Title), Is.EquivalentTo(new[] { "Latte", "Mocha" }));
    }

    [Test]
    public async Task GteAndLte_OnId_ReturnsTheInclusiveRange()
    {
        var low = _hot[2].Id;
        var high = _hot[5].Id;

        var (items, total) = await GetAsync($"/coffee/hot?id_gte={low}&id_lte={high}");

        Assert.That(items.Select(i => i.Id), Is.EqualTo(_hot.Where(c => c.Id >= low && c.Id <= high).Select(c => c.Id)));
        Assert.That(total, Is.EqualTo(4));
    }

    [Test]
    public async Task Ne_OnTitle_DropsThatDrink()
    {
        var (items, total) = await GetAsync("/coffee/hot?title_ne=Latte");

        Assert.That(items.Select(i => i.Title), Does.Not.Contain("Latte"));
        Assert.That(total, Is.EqualTo(_hot.Count - 1));
    }

    [Test]
    public async Task Like_OnTitle_IsCaseInsensitiveSubstring()
    {
        var (items, _) = await GetAsync("/coffee/hot?title_like=CAF");

        Assert.That(items.Select(i => i.Title), Is.EqualTo(new[] { "Café au Lait" }));
    }

    [Test]
    public async Task Q_FullText_MatchesIngredients()
    {
        var (items, _) = await GetAsync("/coffee/hot?q=whiskey");

        Assert.That(items.Select(i => i.Title), Is.EqualTo(new[] { "Irish" }));
    }

    [Test]
    public async Task SortAndOrder_TitleDescending_SortsTheList()
    {
        var (items, _) = await GetAsync("/coffee/hot?_sort=title&_order=desc");

        Assert.That(items.Select(i => i.Title), Is.EqualTo(_hot.Select(c => c.Title).OrderDescending(StringComparer.Ordinal)));
    }

    [Test]
    public async Task SortAndOrder_TwoFields_BreaksTiesWithTheSecond()
    {
        // Several drinks share the single ingredient "Espresso"; ties are broken by id, descending.
        var (items, _) = await GetAsync("/coffee/hot?_sort=ingredients,id&_order=asc,desc");

        var expected = _hot
            .OrderBy(c => string.Join(',', c.Ingredients), StringComparer.Ordinal)
            .ThenByDescending(c => c.Id)
            .Select(c => c.Id);
        Assert.That(items.Select(i => i.Id), Is.EqualTo(expected));
    }

    [Test]
    public async Task PageAndLimit_SecondPageOfFive_ReturnsThatSliceWithLinkHeader()
    {
        using var response = await Client.GetAsync("/coffee/hot?_page=2&_limit=5");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var items = await response.Content.ReadFromJsonAsync<List<Coffee>>();
        Assert.That(items!.Select(i => i.Id), Is.EqualTo(_hot.Skip(5).Take(5).Select(c => c.Id)));
        Assert.That(TotalCount(response), Is.EqualTo(_hot.Count));

        var links = Links(response);
        var last = (int)Math.Ceiling(_hot.Count / 5.0);
        Assert.That(links.Keys, Is.EqualTo(new[] { "first", "prev", "next", "last" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(links["first"], Is.EqualTo("http://localhost/coffee/hot?_page=1&_limit=5"));
            Assert.That(links["prev"], Is.EqualTo("http://localhost/coffee/hot?_page=1&_limit=5"));
            Assert.That(links["next"], Is.EqualTo("http://localhost/coffee/hot?_page=3&_limit=5"));
            Assert.That(links["last"], Is.EqualTo($"http://localhost/coffee/hot?_page={last}&_limit=5"));
        }
    }

    [Test]
    public async Task Page_WithoutLimit_ServesTenPerPage()
    {
        var (items, total) = await GetAsync("/coffee/hot?_page=1");

        Assert.That(items.Select(i => i.Id), Is.EqualTo(_hot.Take(10).Select(c => c.Id)));
        Assert.That(total, Is.EqualTo(_hot.Count));
    }

    [Test]
    public async Task StartAndEnd_ReturnsThatSlice()
    {
        var (items, total) = await GetAsync("/coffee/hot?_start=2&_end=5");

        Assert.That(items.Select(i => i.Id), Is.EqualTo(_hot.Skip(2).Take(3).Select(c => c.Id)));
        Assert.That(total, Is.EqualTo(_hot.Count));
    }

    [Test]
    public async Task StartAndLimit_ReturnsLimitItemsFromStart()
    {
        var (items, _) = await GetAsync("/coffee/hot?_start=4&_limit=2");

        Assert.That(items.Select(i => i.Id), Is.EqualTo(_hot.Skip(4).Take(2).Select(c => c.Id)));
    }

    [Test]
    public async Task BadPageValue_Returns400ProblemNamingTheOption()
    {
        using var response = await Client.GetAsync("/coffee/hot?_page=abc");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "_page" }));
    }

    [Test]
    public async Task BadOrderValue_Returns400ProblemNamingTheOption()
    {
        using var response = await Client.GetAsync("/coffee/hot?_sort=title&_order=up");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Is.EqualTo(new[] { "_order" }));
    }

    private async Task<(List<Coffee> Items, int Total)> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        var items = await response.Content.ReadFromJsonAsync<List<Coffee>>();
        return (items!, TotalCount(response));
    }

    private static int TotalCount(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);

    /// <summary>rel → URL from a Link header, in header order.</summary>
    private static Dictionary<string, string> Links(HttpResponseMessage response)
    {
        Assert.That(response.Headers.TryGetValues("Link", out var values), Is.True, "a Link header");
        return LinkPattern().Matches(string.Join(", ", values!))
            .ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["url"].Value);
    }

    [GeneratedRegex("<(?<url>[^>]+)>;\\s*rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkPattern();

    private sealed record Coffee(int Id, string Title, string Description, string[] Ingredients, string? Image);
}
