using Microsoft.Playwright;

namespace CoffeeShop.Tests.TestSupport.Browser;

/// <summary>A drink's page (<c>/menu/{id}</c>).</summary>
public sealed class MenuItemDetailsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Price => page.Locator("main .price");

    public ILocator Ingredients => page.Locator("main ul li");

    public ILocator Image => page.Locator("main img");

    public ILocator OrderLink => page.GetByRole(AriaRole.Link, new() { Name = "Order this" });

    /// <summary>Follows "Order this" to the order form, which starts with one of this drink.</summary>
    public async Task<OrderFormPage> OrderAsync()
    {
        await OrderLink.ClickAsync();
        return new OrderFormPage(page);
    }

    public async Task<MenuItemDetailsPage> GotoAsync(int id)
    {
        await page.GotoAsync($"/menu/{id}");
        return this;
    }
}
