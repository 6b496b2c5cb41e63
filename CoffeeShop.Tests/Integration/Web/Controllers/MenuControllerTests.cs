using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Controllers;

[TestFixture]
[Category(TestCategories.Integration)]
public sealed class MenuControllerTests : IntegrationTestBase
{
    [Test]
    public async Task Index_NoCategory_ShowsTheAllTabWithEveryDrinkHotThenIced()
    {
        var all = (await TitlesFromApiAsync("hot")).Concat(await TitlesFromApiAsync("iced")).ToList();

        var page = await Client.GetHtmlAsync("/menu");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Menu"));
            Assert.That(ActiveTab(page), Is.EqualTo("tab-all"));
            Assert.That(CardTitles(page), Is.EqualTo(all));
            Assert.That(page.QuerySelectorAll("main h2").Select(h => h.TextContent), Is.EqualTo(new[] { "Hot coffee", "Iced coffee" }));
        }
    }

    [Test]
    public async Task Index_HotCategory_ShowsTheHotTabWithEveryHotDrink()
    {
        var hot = await TitlesFromApiAsync("hot");

        var page = await Client.GetHtmlAsync("/menu?category=hot");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ActiveTab(page), Is.EqualTo("tab-hot"));
            Assert.That(CardTitles(page), Is.EqualTo(hot));
            Assert.That(CardTitles(page), Does.Contain("Latte").And.Not.Contain("Cold Brew"));
        }
    }

    [Test]
    public async Task Index_IcedCategory_ShowsTheIcedTabWithEveryIcedDrink()
    {
        var iced = await TitlesFromApiAsync("iced");

        var page = await Client.GetHtmlAsync("/menu?category=iced");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ActiveTab(page), Is.EqualTo("tab-iced"));
            Assert.That(CardTitles(page), Is.EqualTo(iced));
            Assert.That(CardTitles(page), Does.Contain("Cold Brew").And.Not.Contain("Latte"));
        }
    }

    [Test]
    public async Task Index_UnknownCategory_ShowsTheWholeMenu()
    {
        var page = await Client.GetHtmlAsync("/menu?category=tea");

        Assert.That(ActiveTab(page), Is.EqualTo("tab-all"));
    }

    [Test]
    public async Task Index_Search_ShowsOnlyMatchingDrinksOfTheTab()
    {
        var page = await Client.GetHtmlAsync("/menu?category=hot&search=chocolate");

        Assert.That(CardTitles(page), Is.EqualTo(new[] { "Mocha" }));
        Assert.That(page.QuerySelector<IHtmlInputElement>("#search")?.Value, Is.EqualTo("chocolate"), "the search box keeps the text");
    }

    [Test]
    public async Task Index_SearchIsCaseInsensitiveAndCoversDescriptions()
    {
        var page = await Client.GetHtmlAsync("/menu?category=iced&search=NITROGEN");

        Assert.That(CardTitles(page), Is.EqualTo(new[] { "Nitro" }));
    }

    [Test]
    public async Task Index_SearchWithNoMatch_SaysSoAndShowsNoCards()
    {
        var page = await Client.GetHtmlAsync("/menu?category=hot&search=zzzz");

        Assert.That(CardTitles(page), Is.Empty);
        Assert.That(page.QuerySelector("[role='status'].alert")?.TextContent, Does.Contain("zzzz"));
    }

    [Test]
    public async Task Index_SearchForm_SubmitsWithinTheCurrentTab()
    {
        var page = await Client.GetHtmlAsync("/menu?category=iced");
        var form = page.Form("form[role='search']");

        using var response = await Client.SubmitAsync(form, new Dictionary<string, string?> { ["search"] = "cold brew" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var results = await response.ReadHtmlAsync();
        Assert.That(ActiveTab(results), Is.EqualTo("tab-iced"));
        Assert.That(CardTitles(results), Is.EquivalentTo(new[] { "Cold Brew", "Nitro" }));
    }

    [Test]
    public async Task Details_ExistingId_ShowsTitlePriceAndIngredients()
    {
        var id = await IdOfAsync("hot", "Latte");

        var page = await Client.GetHtmlAsync($"/menu/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Latte"));
            Assert.That(page.Title, Does.StartWith("Latte"));
            Assert.That(page.QuerySelector("main .price")?.TextContent, Is.EqualTo("$3.90"));
            Assert.That(page.QuerySelectorAll("main ul li").Select(li => li.TextContent), Is.EqualTo(new[] { "Espresso", "Steamed milk", "Milk foam" }));
            Assert.That(page.QuerySelector("main img")?.GetAttribute("alt"), Is.EqualTo("Latte"));
        }
    }

    [Test]
    public async Task Details_MissingId_Returns404FriendlyPageWithoutInternals()
    {
        using var response = await Client.GetAsync("/menu/999999");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var html = await response.Content.ReadAsStringAsync();
        var page = HtmlPages.Parse(html);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("We couldn't find that page"));
            Assert.That(page.QuerySelector("a[href='/menu']"), Is.Not.Null, "a way back to the menu");
            Assert.That(html, Does.Not.Contain("Exception").And.Not.Contain("StackTrace").And.Not.Contain(" at CoffeeShop."));
        }
    }

    [Test]
    public async Task UnknownPage_Get_Returns404FriendlyPage()
    {
        using var response = await Client.GetAsync("/no-such-page");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("We couldn't find that page"));
    }

    [Test]
    public async Task Details_DescriptionWithAmpersand_IsHtmlEncoded()
    {
        var id = await IdOfAsync("hot", "Café au Lait");

        using var response = await Client.GetAsync($"/menu/{id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("strong brewed coffee &amp; hot steamed milk"));
        Assert.That(html, Does.Not.Contain("coffee & hot"));
        var page = HtmlPages.Parse(html);
        Assert.That(page.QuerySelector("main p.lead")?.TextContent, Does.Contain("strong brewed coffee & hot steamed milk"));
    }

    [Test]
    public async Task Index_DescriptionWithAmpersand_IsHtmlEncodedOnTheCard()
    {
        var html = await Client.GetStringAsync("/menu?category=hot&search=dunking");

        Assert.That(html, Does.Contain("&amp; hot steamed milk").And.Not.Contain("coffee & hot"));
    }

    private static string? ActiveTab(IHtmlDocument page) =>
        page.QuerySelector("[data-testid^='tab-'][aria-current='page']")?.GetAttribute("data-testid");

    private static List<string> CardTitles(IHtmlDocument page) =>
        page.QuerySelectorAll(".menu-card h3").Select(t => t.TextContent.Trim()).ToList();

    private async Task<List<string>> TitlesFromApiAsync(string category)
    {
        var items = await Client.GetFromJsonAsync<JsonElement>($"/coffee/{category}");
        return items.EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
    }

    private async Task<int> IdOfAsync(string category, string title)
    {
        var items = await Client.GetFromJsonAsync<JsonElement>($"/coffee/{category}?title={Uri.EscapeDataString(title)}");
        Assert.That(items.GetArrayLength(), Is.EqualTo(1), $"one {category} drink titled {title}");
        return items[0].GetProperty("id").GetInt32();
    }
}
