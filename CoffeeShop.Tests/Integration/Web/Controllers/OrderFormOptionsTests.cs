using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Integration.Web.Controllers;

/// <summary>
/// Sizes and options through the order form without JavaScript, over the seeded menu (Latte 3.50/3.90/4.40 with milk,
/// shots, syrups; Black 2.10/2.50/3.00 without milk; oat milk +0.50, extra shot +0.70, vanilla syrup +0.50): the
/// server prices the form on "Update total", places it, and shows every line's size and options afterwards.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class OrderFormOptionsTests : IntegrationTestBase
{
    [Test]
    public async Task UpdateTotal_LargeOatLatteWithShotsAndVanillaAndSmallBlack_ShowsTheServersLinePricesAndTotal()
    {
        var form = await OrderFormAsync();

        using var response = await Client.SubmitAsync(form, TheUsualOrder(form, Update: true));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form again, priced");
        var page = await response.ReadHtmlAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(LineTotal(page, "Latte"), Is.EqualTo("$6.80"));
            Assert.That(LineTotal(page, "Black"), Is.EqualTo("$2.10"));
            Assert.That(page.QuerySelector("[data-testid='form-total']")?.TextContent, Is.EqualTo("$8.90"));
            Assert.That(Field(page, "Latte", "Size").QuerySelector<IHtmlOptionElement>("option[selected]")?.Value, Is.EqualTo("large"), "the choices are kept");
            Assert.That(await Factory.QueryDatabaseAsync(db => db.Orders.CountAsync(o => o.CustomerName == "Update Ann")), Is.Zero, "nothing placed");
        }
    }

    [Test]
    public async Task Create_LargeOatLatteWithShotsAndVanillaAndSmallBlack_ConfirmationShowsEachLinesSizeOptionsAndTotal()
    {
        var form = await OrderFormAsync();

        using var response = await Client.SubmitAsync(form, TheUsualOrder(form, Update: false));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "order placed");
        var page = await Client.GetHtmlAsync(response.Headers.Location!.OriginalString);
        var rows = page.QuerySelectorAll("main table tbody tr").Select(tr => tr.TextContent).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelector("[data-testid='order-total']")?.TextContent, Is.EqualTo("$8.90"));
            Assert.That(page.QuerySelectorAll("[data-testid='line-details']").Select(d => d.TextContent), Is.EqualTo(new[]
            {
                "Small",
                "Large · Oat milk, 2 × Extra espresso shot, Vanilla syrup",
            }).AsCollection.Or.EqualTo(new[] { "Large · Oat milk, 2 × Extra espresso shot, Vanilla syrup", "Small" }));
            Assert.That(rows, Has.One.Contains("Latte").And.Contains("$6.80"));
            Assert.That(rows, Has.One.Contains("Black").And.Contains("$2.10"));
        }
    }

    [Test]
    public async Task Create_UnknownSize_ShowsTheMessageBesideThatLinesSize()
    {
        var form = await OrderFormAsync();
        var changes = TheUsualOrder(form, Update: false);
        changes[Name(form, "Latte", "Size")] = "venti";

        var page = await PostExpectingTheFormAgainAsync(form, changes);

        Assert.That(HtmlPages.MessageBeside(page, Name(page, "Latte", "Size")), Does.Contain("no size 'venti'"));
    }

    [Test]
    public async Task Create_UnknownOption_ShowsTheMessageBesideThatOption()
    {
        var form = await OrderFormAsync();
        var changes = TheUsualOrder(form, Update: false);
        var shotCode = OptionInput(form, "Latte", "extra-shot").Name!.Replace(".Quantity", ".Code", StringComparison.Ordinal);
        changes[shotCode] = "extra-cream";

        var page = await PostExpectingTheFormAgainAsync(form, changes);

        // The unknown code is not on the page again, so the message goes on the line's options.
        Assert.That(HtmlPages.MessageBeside(page, Name(page, "Latte", "Options")), Does.Contain("no option 'extra-cream'"));
    }

    [Test]
    public async Task Create_TwoSweetenersWhereOneIsAllowed_ShowsTheMessageBesideTheSecond()
    {
        var form = await OrderFormAsync();
        var changes = TheUsualOrder(form, Update: false);
        changes[OptionInput(form, "Black", "white-sugar").Name!] = "1";
        changes[OptionInput(form, "Black", "stevia").Name!] = "1";

        var page = await PostExpectingTheFormAgainAsync(form, changes);

        var stevia = OptionInput(page, "Black", "stevia").Name!.Replace(".Quantity", ".Code", StringComparison.Ordinal);
        Assert.That(HtmlPages.MessageBeside(page, stevia), Does.Contain("choose one option only"));
    }

    [Test]
    public async Task AddLine_SameDrinkAnotherWay_AddsASecondRowAndBothArePlacedAsTwoLines()
    {
        var form = await OrderFormAsync();
        var latteRow = Row(form, "Latte").GetAttribute("data-testid")!["line-".Length..];
        var changes = new Dictionary<string, string?> { ["AddLine"] = latteRow, ["CustomerName"] = "Two Lattes", [Name(form, "Latte", "Quantity")] = "1" };

        using var added = await Client.SubmitAsync(form, changes);

        var page = await added.ReadHtmlAsync();
        var rows = page.QuerySelectorAll("[data-order-line][data-title='Latte']").ToList();
        Assert.That(rows, Has.Count.EqualTo(2), "a second Latte row");
        var second = page.Form("form[action='/order']");
        var secondSize = rows[1].QuerySelector<IHtmlSelectElement>("select")!.Name!;
        using var placed = await Client.SubmitAsync(second, new Dictionary<string, string?> { [secondSize] = "small" });
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var status = await Client.GetHtmlAsync(placed.Headers.Location!.OriginalString);
        Assert.That(status.QuerySelectorAll("[data-testid='line-details']").Select(d => d.TextContent.Split(' ')[0]), Is.EquivalentTo(new[] { "Small", "Medium" }));
    }

    [Test]
    public async Task MenuItemPage_SizedDrink_ShowsEachSizesPriceAndTheOptions()
    {
        var page = await Client.GetHtmlAsync("/menu/2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelector("main [data-testid='sizes']")?.TextContent, Does.Contain("Small $3.50 · Medium $3.90 · Large $4.40"));
            Assert.That(page.QuerySelectorAll("main [data-testid='option-group']").Select(g => g.TextContent), Has.Some.Contains("Oat milk +$0.50"));
        }

        var menu = await Client.GetHtmlAsync("/menu");
        Assert.That(menu.QuerySelectorAll("[data-testid='sizes']").Select(s => s.TextContent), Has.Some.EqualTo("Small $3.50 · Medium $3.90 · Large $4.40"));
    }

    [Test]
    public async Task BaristaAndHistory_ShowEachLinesSizeAndOptions()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        var customer = await Factory.CreateSignedInClientAsync(email);
        var form = (await customer.GetHtmlAsync("/order")).Form("form[action='/order']");
        var changes = TheUsualOrder(form, Update: false);
        changes["CustomerName"] = "Barista View";
        using var placed = await customer.SubmitAsync(form, changes);
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var barista = await Factory.CreateSignedInClientAsync(await Factory.CreateUserAsync(AppRoles.Barista));
        var queue = await barista.GetHtmlAsync("/barista");
        var card = queue.QuerySelectorAll("[data-testid='queue-order']").Single(c => c.TextContent.Contains("Barista View", StringComparison.Ordinal));
        Assert.That(card.QuerySelectorAll("li").Select(l => l.TextContent.Trim()), Is.EquivalentTo(new[]
        {
            "1 × Latte Large · Oat milk, 2 × Extra espresso shot, Vanilla syrup",
            "1 × Black Small",
        }));

        var history = await customer.GetHtmlAsync("/orders");
        Assert.That(history.QuerySelector("main table tbody")?.TextContent, Does.Contain("1 × Latte (Large · Oat milk, 2 × Extra espresso shot, Vanilla syrup)"));
    }

    private async Task<IHtmlFormElement> OrderFormAsync() => (await Client.GetHtmlAsync("/order")).Form("form[action='/order']");

    /// <summary>A large oat latte with two extra shots and a vanilla syrup, and a small black coffee, by the form's own fields.</summary>
    private static Dictionary<string, string?> TheUsualOrder(IHtmlFormElement form, bool Update) => new()
    {
        ["CustomerName"] = Update ? "Update Ann" : "Options Ann",
        ["Command"] = Update ? "update" : null,
        [Name(form, "Latte", "Quantity")] = "1",
        [Name(form, "Latte", "Size")] = "large",
        [OptionInput(form, "Latte", "oat-milk").Name!] = "oat-milk",
        [OptionInput(form, "Latte", "extra-shot").Name!] = "2",
        [OptionInput(form, "Latte", "vanilla-syrup").Name!] = "1",
        [Name(form, "Black", "Quantity")] = "1",
        [Name(form, "Black", "Size")] = "small",
    };

    private static IElement Row(IParentNode page, string title) =>
        page.QuerySelector($"[data-order-line][data-title='{title}']") ?? throw new AssertionException($"no row for {title}");

    /// <summary>A row's own field (<c>Lines[r].Size</c>), by the row's quantity name.</summary>
    private static string Name(IParentNode page, string title, string member)
    {
        var quantity = Row(page, title).QuerySelector<IHtmlInputElement>("input[data-line-quantity]")!.Name!;
        return quantity.Replace(".Quantity", "." + member, StringComparison.Ordinal);
    }

    private static IElement Field(IParentNode page, string title, string member) =>
        Row(page, title).QuerySelector($"[name='{Name(page, title, member)}']") ?? throw new AssertionException($"no {member} for {title}");

    private static IHtmlInputElement OptionInput(IParentNode page, string title, string code)
    {
        var row = Row(page, title);
        var id = Name(page, title, "Quantity");
        var index = id["Lines[".Length..id.IndexOf(']', StringComparison.Ordinal)];
        return row.QuerySelector<IHtmlInputElement>($"#line-{index}-{code}") ?? throw new AssertionException($"no {code} for {title}");
    }

    private static string? LineTotal(IParentNode page, string title) => Row(page, title).QuerySelector("[data-testid='line-total']")?.TextContent;

    private async Task<IHtmlDocument> PostExpectingTheFormAgainAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string?> changes)
    {
        var before = await Factory.QueryDatabaseAsync(db => db.Orders.CountAsync());
        using var response = await Client.SubmitAsync(form, changes);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form again, not a redirect");
        Assert.That(await Factory.QueryDatabaseAsync(db => db.Orders.CountAsync()), Is.EqualTo(before), "no order created");
        return await response.ReadHtmlAsync();
    }
}
