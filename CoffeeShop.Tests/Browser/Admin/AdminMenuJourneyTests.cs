using System.Text.RegularExpressions;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.TestSupport.Browser;
using CoffeeShop.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace CoffeeShop.Tests.Browser.Admin;

/// <summary>An admin changes a drink in the admin pages; the public menu and the order form show it at once.</summary>
[TestFixture]
[Category(TestCategories.Browser)]
public sealed class AdminMenuJourneyTests : BrowserTestBase
{
    [Test]
    public async Task AdminChangesPriceAndMarksUnavailable_MenuAndOrderFormReflectIt()
    {
        var title = "Browser Brew " + Guid.NewGuid().ToString("N")[..6];
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle(title).BuildDetails());

        // A visitor loads the menu first, so the cached page has to be evicted by the admin's change.
        var menu = await new MenuPage(Page).GotoAsync();
        await Expect(Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        var adminPage = await NewPageAsync();
        await new SignInPage(adminPage).SignInAsync(await Factory.CreateUserAsync(AppRoles.Admin));
        var form = await new AdminMenuPage(adminPage).EditAsync(item.Id);
        await form.Price.FillAsync("5.25");
        var list = await form.SaveAsync();
        await Expect(list.Flash).ToBeVisibleAsync();
        await Expect(list.Row(item.Id)).ToContainTextAsync("$5.25");
        await list.MarkUnavailableAsync(item.Id);
        await Expect(list.Row(item.Id)).ToContainTextAsync("Unavailable");

        await menu.GotoAsync();
        var card = Page.Locator(".menu-card").Filter(new() { HasText = title });
        await Expect(card).ToContainTextAsync("$5.25");
        await Expect(card).ToContainTextAsync("Unavailable today");

        var order = await new OrderFormPage(Page).GotoAsync();
        await Expect(order.Heading).ToBeVisibleAsync();
        await Expect(order.Quantity(title)).ToHaveCountAsync(0);
        await Expect(Page.GetByText(new Regex(Regex.Escape(title)))).ToHaveCountAsync(0);
    }
}
