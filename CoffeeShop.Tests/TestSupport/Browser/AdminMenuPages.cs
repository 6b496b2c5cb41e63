using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoffeeShop.Tests.TestSupport.Browser;

/// <summary>The admin's menu list (/admin/menu): a row per drink with its availability toggle.</summary>
public sealed class AdminMenuPage(IPage page)
{
    public ILocator Flash => page.GetByTestId("flash");

    public ILocator Row(int id) => page.GetByTestId($"menu-row-{id}");

    public async Task<AdminMenuPage> GotoAsync()
    {
        await page.GotoAsync("/admin/menu");
        return this;
    }

    public async Task<AdminMenuItemFormPage> EditAsync(int id)
    {
        await page.GotoAsync($"/admin/menu/{id}/edit");
        return new AdminMenuItemFormPage(page);
    }

    public async Task MarkUnavailableAsync(int id) =>
        await Row(id).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark unavailable") }).ClickAsync();
}

/// <summary>The admin's create/edit form for one drink.</summary>
public sealed class AdminMenuItemFormPage(IPage page)
{
    public ILocator Price => page.GetByLabel(new Regex("^Price"));

    public async Task<AdminMenuPage> SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        return new AdminMenuPage(page);
    }
}
