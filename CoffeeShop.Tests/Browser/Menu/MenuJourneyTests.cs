using System.Text.RegularExpressions;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.TestSupport.Browser;
using static Microsoft.Playwright.Assertions;

namespace CoffeeShop.Tests.Browser.Menu;

/// <summary>A visitor browses the menu in a real browser: tabs, search, and a drink's page.</summary>
[TestFixture]
[Category(TestCategories.Browser)]
public sealed class MenuJourneyTests : BrowserTestBase
{
    [Test]
    public async Task Menu_SwitchToIcedSearchAndOpenADrink_ShowsItsPage()
    {
        var menu = await new MenuPage(Page).GotoAsync();
        await Expect(menu.Heading).ToBeVisibleAsync();
        await Expect(menu.ActiveTab).ToHaveAttributeAsync("data-testid", "tab-all");
        await Expect(menu.Card("Latte")).ToBeVisibleAsync();

        await menu.SelectTabAsync("iced");
        await Expect(menu.ActiveTab).ToHaveAttributeAsync("data-testid", "tab-iced");
        await Expect(menu.Card("Cold Brew")).ToBeVisibleAsync();
        await Expect(menu.Card("Latte")).ToHaveCountAsync(0);

        await menu.SearchAsync("cold brew");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/menu\?category=iced&search=cold\+brew$"));
        await Expect(menu.CardTitles).ToHaveTextAsync(["Cold Brew", "Nitro"]);

        var drink = await menu.OpenAsync("Cold Brew");
        await Expect(Page).ToHaveURLAsync(new Regex(@"/menu/\d+$"));
        await Expect(drink.Heading).ToHaveTextAsync("Cold Brew");
        await Expect(drink.Price).ToHaveTextAsync("$3.80");
        await Expect(drink.Ingredients).ToHaveTextAsync(["Coffee", "Cold water", "Ice"]);
    }

    [Test]
    public async Task Menu_SearchWithoutMatches_SaysNothingMatched()
    {
        var menu = await new MenuPage(Page).GotoAsync("hot");

        await menu.SearchAsync("unicorn");

        await Expect(menu.Cards).ToHaveCountAsync(0);
        await Expect(menu.NoMatchMessage).ToContainTextAsync("unicorn");
    }

    [Test]
    public async Task DrinkPage_Image_LoadsFromTheSite()
    {
        var menu = await new MenuPage(Page).GotoAsync("hot");
        var drink = await menu.OpenAsync("Latte");

        await Expect(drink.Image).ToHaveAttributeAsync("alt", "Latte");
        // Waits (up to Playwright's timeout) until the browser has decoded the picture; a broken image never gets a width.
        var image = await drink.Image.ElementHandleAsync();
        await Page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", image);
    }
}
