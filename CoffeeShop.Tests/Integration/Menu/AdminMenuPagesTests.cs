using System.Net;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Menu;

/// <summary>The /admin/menu pages through real form posts: antiforgery token, cookie, redirects.</summary>
[TestFixture]
public sealed class AdminMenuPagesTests : IntegrationTestBase
{
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _admin = await Factory.CreateSignedInClientAsync(await Factory.CreateUserAsync(AppRoles.Admin));
    }

    [OneTimeTearDown]
    public void OneTimeTearDown()
    {
        _admin.Dispose();
    }

    [Test]
    public async Task Index_ListsItemsOfBothCategoriesWithAToggleEach()
    {
        var page = await _admin.GetHtmlAsync("/admin/menu");

        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Children[1].TextContent.Trim()).Distinct(), Is.EquivalentTo(new[] { "Hot", "Iced" }));
            Assert.That(rows.All(r => r.QuerySelector("form[action$='/availability'] button") is not null), Is.True);
        });
    }

    [Test]
    public async Task Create_InvalidForm_ShowsEachMessageBesideItsField()
    {
        using var response = await _admin.PostFormAsync("/admin/menu/new", "/admin/menu/new", new Dictionary<string, string?>
        {
            ["Title"] = "",
            ["Category"] = "1",
            ["Ingredients"] = "",
            ["Price"] = "4,20",
            ["Image"] = "ftp://example.com/x.png",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.Multiple(() =>
        {
            Assert.That(HtmlPages.MessageFor(page, "Title"), Is.EqualTo("Enter a title."));
            Assert.That(HtmlPages.MessageFor(page, "Ingredients"), Is.EqualTo("List at least one ingredient, one per line."));
            Assert.That(HtmlPages.MessageFor(page, "Price"), Does.StartWith("Enter a price between 0.01 and 100.00"));
            Assert.That(HtmlPages.MessageFor(page, "Image"), Does.StartWith("Use an absolute http or https URL"));
        });
    }

    [Test]
    public async Task Create_DuplicateTitle_ShowsTheConflictBesideTitle()
    {
        await Factory.AddMenuItemAsync("Admin Duplicate");

        using var response = await _admin.PostFormAsync("/admin/menu/new", "/admin/menu/new", Form("Admin Duplicate"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(HtmlPages.MessageFor(await response.ReadHtmlAsync(), "Title"), Does.Contain("already exists"));
    }

    [Test]
    public async Task Create_ValidForm_RedirectsToTheListWithAConfirmation()
    {
        using var response = await _admin.PostFormAsync("/admin/menu/new", "/admin/menu/new", Form("Admin Created"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/admin/menu"));
        var list = await _admin.GetHtmlAsync("/admin/menu");
        Assert.That(list.QuerySelector("[data-testid=flash]")?.TextContent, Does.Contain("Admin Created"));
    }

    [Test]
    public async Task Edit_StaleVersion_ShowsTheConcurrencyMessageAndTheCurrentValues()
    {
        var item = await Factory.AddMenuItemAsync("Admin Stale Edit", price: 3.10m);
        var editUrl = $"/admin/menu/{item.Id}/edit";
        var form = Form("Admin Stale Edit Mine");
        form["Version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ChangeBehindTheFormAsync(item.Id, 5.55m);

        using var response = await _admin.PostFormAsync(editUrl, editUrl, form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-testid=form-error]")?.TextContent.Trim(), Is.EqualTo(AdminMenuController.ConcurrencyMessage));
            Assert.That(page.QuerySelector("input[name=Title]")?.GetAttribute("value"), Is.EqualTo("Admin Stale Edit"));
            Assert.That(page.QuerySelector("input[name=Price]")?.GetAttribute("value"), Is.EqualTo("5.55"));
            Assert.That(page.QuerySelector("input[name=Version]")?.GetAttribute("value"), Is.EqualTo((item.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public async Task Edit_CurrentVersion_SavesAndRedirects()
    {
        var item = await Factory.AddMenuItemAsync("Admin Edit");
        var editUrl = $"/admin/menu/{item.Id}/edit";
        var form = Form("Admin Edited", price: "4.20");
        form["Version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await _admin.PostFormAsync(editUrl, editUrl, form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var saved = await Factory.FindMenuItemAsync(item.Id);
        Assert.Multiple(() =>
        {
            Assert.That(saved!.Title, Is.EqualTo("Admin Edited"));
            Assert.That(saved.Price, Is.EqualTo(4.20m));
            Assert.That(saved.Ingredients, Is.EqualTo(new[] { "Espresso", "Oat milk" }));
        });
    }

    [Test]
    public async Task Edit_SizesAndOptionGroups_SavesThemWithThePriceOnTheDefaultSize()
    {
        var item = await Factory.AddMenuItemAsync("Admin Sizes");
        var editUrl = $"/admin/menu/{item.Id}/edit";
        var form = Form("Admin Sizes", price: "3.40");
        form["Version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Sizes[0].Code"] = "small";
        form["Sizes[0].Name"] = "Small";
        form["Sizes[0].Price"] = "3.00";
        form["Sizes[1].Code"] = "medium";
        form["Sizes[1].Name"] = "Medium";
        form["Sizes[1].Price"] = "";
        form["Sizes[3].Code"] = "large";
        form["Sizes[3].Name"] = "Large";
        form["Sizes[3].Price"] = "3.90";
        form["DefaultSize"] = "1";
        form["OptionGroupCodes"] = "milk";

        using var response = await _admin.PostFormAsync(editUrl, editUrl, form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var saved = await Factory.FindMenuItemAsync(item.Id);
        Assert.Multiple(() =>
        {
            Assert.That(saved!.Sizes.Select(s => (s.Code, s.Name, s.Price, s.IsDefault)), Is.EqualTo(new[]
            {
                ("small", "Small", 3.00m, false), ("medium", "Medium", 3.40m, true), ("large", "Large", 3.90m, false),
            }));
            Assert.That(saved.Price, Is.EqualTo(3.40m));
            Assert.That(saved.OptionGroupCodes, Is.EqualTo(new[] { "milk" }));
        });

        var page = await _admin.GetHtmlAsync(editUrl);
        Assert.That(page.QuerySelector("input[name='OptionGroupCodes'][value='milk']")?.HasAttribute("checked"), Is.True, "the form shows the saved groups");
    }

    [Test]
    public async Task Edit_InvalidSizes_ShowsTheMessageBesideTheSizesField()
    {
        var item = await Factory.AddMenuItemAsync("Admin Bad Sizes");
        var editUrl = $"/admin/menu/{item.Id}/edit";
        var form = Form("Admin Bad Sizes");
        form["Version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Sizes[0].Code"] = "small";
        form["Sizes[0].Name"] = "Small";
        form["Sizes[1].Code"] = "small";
        form["Sizes[1].Name"] = "Small again";
        form["Sizes[1].Price"] = "4.00";
        form["Sizes[2].Code"] = "large";
        form["Sizes[2].Name"] = "Large";
        form["Sizes[2].Price"] = "4,50";
        form["DefaultSize"] = "0";

        using var badPrice = await _admin.PostFormAsync(editUrl, editUrl, form);
        Assert.That(HtmlPages.MessageFor(await badPrice.ReadHtmlAsync(), "Sizes[2].Price"), Does.StartWith("Enter a price"));

        form["Sizes[2].Price"] = "4.50";
        using var repeated = await _admin.PostFormAsync(editUrl, editUrl, form);
        var page = await repeated.ReadHtmlAsync();
        Assert.That(page.QuerySelectorAll("[data-valmsg-for^='Sizes']").Select(e => e.TextContent.Trim()), Has.Some.Contains("small"), "the repeated code is named beside the sizes");
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.Sizes, Has.Count.EqualTo(1), "nothing saved");
    }

    [Test]
    public async Task SetAvailability_MarksTheItemUnavailable()
    {
        var item = await Factory.AddMenuItemAsync("Admin Toggle");

        using var response = await _admin.PostFormAsync("/admin/menu", $"/admin/menu/{item.Id}/availability", new Dictionary<string, string?>
        {
            ["isAvailable"] = "false",
            ["version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await Factory.FindMenuItemAsync(item.Id))!.IsAvailable, Is.False);
    }

    [Test]
    public async Task Delete_ConfirmThenPost_RemovesTheItem()
    {
        var item = await Factory.AddMenuItemAsync("Admin Delete");
        var url = $"/admin/menu/{item.Id}/delete";
        var confirm = await _admin.GetHtmlAsync(url);
        Assert.That(confirm.QuerySelector("h1")?.TextContent.Trim(), Is.EqualTo("Delete Admin Delete?"));

        using var response = await _admin.PostFormAsync(url, url, new Dictionary<string, string?>
        {
            ["version"] = confirm.QuerySelector("input[name=version]")!.GetAttribute("value")!,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await Factory.FindMenuItemAsync(item.Id), Is.Null);
    }

    [Test]
    public async Task Edit_UnknownItem_Returns404Page()
    {
        using var response = await _admin.GetAsync("/admin/menu/99999/edit");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task Index_Customer_GetsTheFriendly403Page()
    {
        using var customer = await Factory.CreateSignedInClientAsync(await Factory.CreateUserAsync(AppRoles.Customer));

        using var response = await customer.GetAsync("/admin/menu");
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/access-denied"));
        using var denied = await customer.GetAsync(response.Headers.Location);

        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var page = await denied.ReadHtmlAsync();
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("That page isn't for you"));
    }

    [Test]
    public async Task Index_Anonymous_IsRedirectedToSignIn()
    {
        using var anonymous = Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/admin/menu");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/login"));
    }

    private static Dictionary<string, string?> Form(string title, string price = "3.90") => new()
    {
        ["Title"] = title,
        ["Category"] = "Hot",
        ["Description"] = "Made in a test.",
        ["Ingredients"] = "Espresso\r\nOat milk",
        ["Price"] = price,
        ["Image"] = "",
        ["IsAvailable"] = "true",
    };


    /// <summary>Another admin's change, made while this form was open.</summary>
    private async Task ChangeBehindTheFormAsync(int id, decimal price)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var menu = scope.ServiceProvider.GetRequiredService<MenuService>();
        var item = await menu.GetAsync(id, CancellationToken.None);
        await menu.ReplaceAsync(id, item.Details with { Price = price }, item.Version, CancellationToken.None);
    }
}
