using System.Net;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Controllers;

[TestFixture]
[Category(TestCategories.Integration)]
public sealed class HomeControllerTests : IntegrationTestBase
{
    [Test]
    public async Task Index_Get_ShowsWelcomeAndThreeFeaturedDrinksLinkingToTheirPages()
    {
        using var response = await Client.GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        var cards = page.QuerySelectorAll(".menu-card");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Good coffee, made to order"));
            Assert.That(page.Title, Does.EndWith("CoffeeShop"));
            Assert.That(cards, Has.Length.EqualTo(3));
            Assert.That(cards.Select(c => c.QuerySelector("a")?.GetAttribute("href")), Has.All.Match(@"^/menu/\d+$"));
            Assert.That(page.QuerySelector("a[href='/menu']"), Is.Not.Null, "a link to the menu");
        }
    }

    [Test]
    public async Task Index_FeaturedLinks_OpenExistingDrinkPages()
    {
        var page = await Client.GetHtmlAsync("/");
        var link = page.QuerySelector(".menu-card a")!.GetAttribute("href")!;

        using var response = await Client.GetAsync(link);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
