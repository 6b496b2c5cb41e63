using Microsoft.Playwright;

namespace CoffeeShop.Tests.TestSupport.Browser;

/// <summary>The menu page (<c>/menu</c>): category tabs, the search form and the drink cards.</summary>
public sealed class MenuPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Menu", Level = 1 });

    /// <summary>The tab of the category shown now (the link marked aria-current="page").</summary>
    public ILocator ActiveTab => page.Locator("[data-testid^='tab-'][aria-current='page']");

    public ILocator SearchBox => page.GetByRole(AriaRole.Searchbox);

    public ILocator Cards => page.Locator(".menu-card");

    public ILocator CardTitles => Cards.Locator("h3");

    public ILocator NoMatchMessage => page.Locator("[role='status'].alert");

    public ILocator Tab(string category) => page.GetByTestId($"tab-{category}");

    public ILocator Card(string title) => Cards.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public async Task<MenuPage> GotoAsync(string? category = null)
    {
        await page.GotoAsync(category is null ? "/menu" : $"/menu?category={Uri.EscapeDataString(category)}");
        return this;
    }

    public async Task SelectTabAsync(string category) => await Tab(category).ClickAsync();

    public async Task SearchAsync(string text)
    {
        await SearchBox.FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    }

    public async Task<MenuItemDetailsPage> OpenAsync(string title)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        return new MenuItemDetailsPage(page);
    }
}
