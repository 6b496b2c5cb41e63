using System.Globalization;
using System.Net;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Menu;

/// <summary>The /admin/option-groups pages through real form posts: create, edit, delete, conflicts and validation.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class AdminOptionGroupPagesTests : IntegrationTestBase
{
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp() =>
        _admin = await Factory.CreateSignedInClientAsync(await Factory.CreateUserAsync(AppRoles.Admin));

    [OneTimeTearDown]
    public void OneTimeTearDown() => _admin.Dispose();

    [Test]
    public async Task Index_ListsTheSeededGroupsWithTheirOptions()
    {
        var page = await _admin.GetHtmlAsync("/admin/option-groups");

        Assert.That(page.QuerySelector("[data-testid='option-group-milk']")?.TextContent, Does.Contain("Oat milk +$0.50"));
    }

    [Test]
    public async Task Create_ValidForm_SavesTheGroupAndItsOptionsSkippingBlankRows()
    {
        using var response = await _admin.PostFormAsync("/admin/option-groups/new", "/admin/option-groups/new", Form("toppings", ("cinnamon", "Cinnamon", "0.20"), ("cocoa", "Cocoa", "")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var saved = await GroupAsync("toppings");
        Assert.That(saved.Options.Select(o => (o.Code, o.Name, o.PriceDelta)), Is.EqualTo(new[] { ("cinnamon", "Cinnamon", 0.20m), ("cocoa", "Cocoa", 0.00m) }));
    }

    [Test]
    public async Task Create_InvalidForm_ShowsEachMessageBesideItsField()
    {
        var form = Form("Bad Code!", ("ok-option", "Fine", "0.10"), ("", "No code", "abc"));
        form["Name"] = "";

        using var response = await _admin.PostFormAsync("/admin/option-groups/new", "/admin/option-groups/new", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HtmlPages.MessageFor(page, "Name"), Is.EqualTo("Enter a name."));
            Assert.That(HtmlPages.MessageFor(page, "Options[1].PriceDelta"), Is.EqualTo("Enter an amount such as 0.50."));
        }
    }

    [Test]
    public async Task Create_DomainRuleBroken_ShowsTheMessageBesideThatOption()
    {
        using var response = await _admin.PostFormAsync("/admin/option-groups/new", "/admin/option-groups/new", Form("dear-toppings", ("gold-leaf", "Gold leaf", "12.00")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(HtmlPages.MessageFor(await response.ReadHtmlAsync(), "Options[0].PriceDelta"), Is.Not.Empty);
    }

    [Test]
    public async Task Create_ExistingCode_ShowsTheConflictBesideTheCode()
    {
        using var response = await _admin.PostFormAsync("/admin/option-groups/new", "/admin/option-groups/new", Form("milk", ("goat-milk", "Goat milk", "0.60")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(HtmlPages.MessageFor(await response.ReadHtmlAsync(), "Code"), Does.Contain("already exists"));
    }

    [Test]
    public async Task Edit_CurrentVersion_SavesAndRedirects()
    {
        await CreateAsync("edit-me", ("edit-a", "Edit A", "0.10"));
        var group = await GroupAsync("edit-me");
        var form = Form("edit-me", ("edit-a", "Edit A renamed", "0.30"), ("edit-b", "Edit B", "0.40"));
        form["Name"] = "Edited";
        form["Version"] = group.Version.ToString(CultureInfo.InvariantCulture);

        using var response = await _admin.PostFormAsync("/admin/option-groups/edit-me/edit", "/admin/option-groups/edit-me/edit", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var saved = await GroupAsync("edit-me");
        Assert.That((saved.Name, saved.Options.Count, saved.Options[0].Name, saved.Options[0].PriceDelta), Is.EqualTo(("Edited", 2, "Edit A renamed", 0.30m)));
    }

    [Test]
    public async Task Edit_StaleVersion_ShowsTheConcurrencyMessageAndTheCurrentValues()
    {
        await CreateAsync("stale", ("stale-a", "Stale A", "0.10"));
        var group = await GroupAsync("stale");
        var form = Form("stale", ("stale-a", "Mine", "0.10"));
        form["Version"] = group.Version.ToString(CultureInfo.InvariantCulture);
        await WithGroupsAsync(s => s.ReplaceAsync("stale", group.Details with { Name = "Theirs" }, group.Version, CancellationToken.None));

        using var response = await _admin.PostFormAsync("/admin/option-groups/stale/edit", "/admin/option-groups/stale/edit", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelector("[data-testid=form-error]")?.TextContent.Trim(), Is.EqualTo(AdminOptionGroupsController.ConcurrencyMessage));
            Assert.That(page.QuerySelector("input[name=Name]")?.GetAttribute("value"), Is.EqualTo("Theirs"));
        }
    }

    [Test]
    public async Task Delete_UnusedGroup_RemovesIt()
    {
        await CreateAsync("delete-me", ("delete-a", "Delete A", "0.10"));

        using var response = await _admin.PostFormAsync("/admin/option-groups/delete-me/delete", "/admin/option-groups/delete-me/delete", new Dictionary<string, string?>());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var left = await WithGroupsAsync(s => s.ListAsync(CancellationToken.None));
        Assert.That(left.Select(g => g.Code), Does.Not.Contain("delete-me"));
    }

    [Test]
    public async Task Delete_GroupADrinkOffers_ShowsTheConflictAndKeepsIt()
    {
        using var response = await _admin.PostFormAsync("/admin/option-groups/milk/delete", "/admin/option-groups/milk/delete", new Dictionary<string, string?>());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector("[data-testid=form-error]")?.TextContent, Does.Contain("still offered"));
        Assert.That(await GroupAsync("milk"), Is.Not.Null);
    }

    [Test]
    public async Task Index_Customer_IsSentToTheFriendly403Page()
    {
        using var customer = await Factory.CreateSignedInClientAsync(await Factory.CreateUserAsync(AppRoles.Customer));

        using var response = await customer.GetAsync("/admin/option-groups");

        Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/account/access-denied"));
        using var denied = await customer.GetAsync(response.Headers.Location);
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task CreateAsync(string code, params (string Code, string Name, string Delta)[] options)
    {
        using var response = await _admin.PostFormAsync("/admin/option-groups/new", "/admin/option-groups/new", Form(code, options));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"creating {code}");
    }

    private Task<OptionGroup> GroupAsync(string code) => WithGroupsAsync(s => s.GetAsync(code, CancellationToken.None));

    private Task<T> WithGroupsAsync<T>(Func<OptionGroupService, Task<T>> action) =>
        Factory.WithScopeAsync(services => action(services.GetRequiredService<OptionGroupService>()));

    /// <summary>The fields of a group taking 0–1 options, with a row per option (the page's blank rows stay blank).</summary>
    private static Dictionary<string, string?> Form(string code, params (string Code, string Name, string Delta)[] options)
    {
        var form = new Dictionary<string, string?>
        {
            ["Code"] = code,
            ["Name"] = "Test " + code,
            ["MinSelected"] = "0",
            ["MaxSelected"] = "1",
            ["MaxQuantity"] = "1",
        };
        for (var i = 0; i < options.Length; i++)
        {
            form[$"Options[{i}].Code"] = options[i].Code;
            form[$"Options[{i}].Name"] = options[i].Name;
            form[$"Options[{i}].PriceDelta"] = options[i].Delta;
        }

        return form;
    }
}
