using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Web.Controllers;

/// <summary>
/// The order pages as a browser without JavaScript uses them: the form at <c>/order</c> (posted with its scraped
/// antiforgery token), the confirmation and status page, the guest's cancel button and a customer's history.
/// The fixture adds its own drinks so prices and titles are known.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class OrderControllerTests : IntegrationTestBase
{
    private MenuItem _latte = null!;
    private MenuItem _coldBrew = null!;

    [OneTimeSetUp]
    public async Task ArrangeMenuAsync()
    {
        _latte = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Order Test Latte").WithPrice(3.50m).BuildDetails());
        _coldBrew = await Factory.AddMenuItemAsync(new MenuItemBuilder().Iced().WithTitle("Order Test Cold Brew").WithPrice(4.25m).BuildDetails());
    }

    [Test]
    public async Task Create_Get_ShowsAQuantityPerAvailableDrinkAndAnAntiforgeryToken()
    {
        var form = (await Client.GetHtmlAsync("/order")).Form("form[action='/order']");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(form.AntiforgeryToken(), Is.Not.Empty);
            Assert.That(QuantityInput(form, _latte.Id), Is.Not.Null);
            Assert.That(QuantityInput(form, _coldBrew.Id), Is.Not.Null);
            Assert.That(form.QuerySelector<IHtmlInputElement>("input[name='IdempotencyKey']")?.Value, Is.Not.Null.And.Not.Empty);
        }
    }

    [Test]
    public async Task Create_ValidForm_RedirectsToTheStatusPageShowingLinesTotalAndStatus()
    {
        var form = await OrderFormAsync();

        using var response = await Client.SubmitAsync(form, Choices(form, "Ann", "Oat milk, please", (_latte.Id, 2), (_coldBrew.Id, 1)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = response.Headers.Location?.OriginalString;
        Assert.That(location, Does.Match("^/orders/[A-Za-z0-9_-]{22}$"));
        var page = await Client.GetHtmlAsync(location!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Thanks, Ann!"));
            Assert.That(page.QuerySelector("[data-testid='order-status']")?.TextContent, Is.EqualTo("Pending"));
            Assert.That(Rows(page), Is.EqualTo(new[]
            {
                new[] { "Order Test Latte", "2", "$3.50", "$7.00" },
                new[] { "Order Test Cold Brew", "1", "$4.25", "$4.25" },
            }));
            Assert.That(page.QuerySelector("[data-testid='order-total']")?.TextContent, Is.EqualTo("$11.25"));
            Assert.That(page.QuerySelector("[data-testid='order-notes']")?.TextContent, Is.EqualTo("Oat milk, please"));
        }

        var code = location!["/orders/".Length..];
        var saved = await Factory.QueryDatabaseAsync(db => db.Orders.Include(o => o.Lines).SingleAsync(o => o.Code == code));
        Assert.That((saved.CustomerName, saved.Status, saved.CustomerId, saved.Total), Is.EqualTo(("Ann", OrderStatus.Pending, (string?)null, 11.25m)));
    }

    [TestCase("CustomerName", "", "Tell us the name to call out.")]
    [TestCase("CustomerName", "   ", "Tell us the name to call out.")]
    [TestCase("CustomerName", "61", "Use at most 60 characters.")]
    [TestCase("Notes", "501", "Keep notes to 500 characters.")]
    public async Task Create_InvalidField_ShowsTheMessageBesideTheFieldAndCreatesNothing(string field, string value, string message)
    {
        var form = await OrderFormAsync();
        var changes = Choices(form, "Ann", null, (_latte.Id, 1));
        changes[field] = int.TryParse(value, out var length) ? new string('x', length) : value;

        var page = await PostExpectingTheFormAgainAsync(form, changes);

        Assert.That(HtmlPages.MessageBeside(page, field), Is.EqualTo(message));
        Assert.That(QuantityInput(page.Form("form[action='/order']"), _latte.Id)?.Value, Is.EqualTo("1"), "the choices are kept");
    }

    [Test]
    public async Task Create_NoDrinkChosen_ShowsTheMessageOnTheDrinksAndCreatesNothing()
    {
        var form = await OrderFormAsync();

        var page = await PostExpectingTheFormAgainAsync(form, Choices(form, "Ann", null));

        Assert.That(page.QuerySelector("[data-testid='lines-error']")?.TextContent, Is.EqualTo("Choose at least one drink."));
    }

    [Test]
    public async Task Create_Quantity21_ShowsTheMessageBesideThatDrinksQuantityAndCreatesNothing()
    {
        var form = await OrderFormAsync();

        var page = await PostExpectingTheFormAgainAsync(form, Choices(form, "Ann", null, (_latte.Id, 1), (_coldBrew.Id, 21)));

        var coldBrewField = QuantityInput(page.Form("form[action='/order']"), _coldBrew.Id)!.Name!;
        var latteField = QuantityInput(page.Form("form[action='/order']"), _latte.Id)!.Name!;
        Assert.That(HtmlPages.MessageBeside(page, coldBrewField), Is.EqualTo("Choose 0 to 20."));
        Assert.That(HtmlPages.MessageBeside(page, latteField), Is.Empty, "no error on the other drink");
    }

    [Test]
    public async Task Create_DrinkMadeUnavailableAfterTheFormWasShown_ShowsTheMessageNamingItAndCreatesNothing()
    {
        var seasonal = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Order Test Seasonal").BuildDetails());
        var form = await OrderFormAsync();
        var changes = Choices(form, "Ann", null, (_latte.Id, 1), (seasonal.Id, 2));
        await Factory.WithScopeAsync(services =>
            services.GetRequiredService<MenuService>().SetAvailabilityAsync(seasonal.Id, false, null, CancellationToken.None));

        var page = await PostExpectingTheFormAgainAsync(form, changes);

        Assert.That(
            page.QuerySelector("[data-testid='lines-error']")?.TextContent,
            Does.Contain("Order Test Seasonal").And.Contain("not available"));
        Assert.That(QuantityInput(page.Form("form[action='/order']"), seasonal.Id), Is.Null, "the drink is no longer offered");
    }

    [Test]
    public async Task Create_SameFormPostedTwice_CreatesOneOrderAndBothRedirectToTheSameCode()
    {
        var form = await OrderFormAsync();
        var name = "Twice " + Guid.NewGuid().ToString("N")[..8];
        var changes = Choices(form, name, null, (_latte.Id, 1));

        using var first = await Client.SubmitAsync(form, changes);
        using var second = await Client.SubmitAsync(form, changes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        }

        Assert.That(await Factory.QueryDatabaseAsync(db => db.Orders.CountAsync(o => o.CustomerName == name)), Is.EqualTo(1));
    }

    [TestCase("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [TestCase("\" onmouseover=\"x", "&quot; onmouseover=&quot;x")]
    [TestCase("'><img src=x onerror=alert(1)>", "&#x27;&gt;&lt;img src=x onerror=alert(1)&gt;")]
    public async Task Status_NameAndNotesHoldingMarkup_AreHtmlEncoded(string payload, string encoded)
    {
        var form = await OrderFormAsync();
        using var response = await Client.SubmitAsync(form, Choices(form, payload, "Notes: " + payload, (_latte.Id, 1)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var status = await Client.GetAsync(response.Headers.Location);
        var html = await status.Content.ReadAsStringAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain(payload), "the raw payload");
            Assert.That(html, Does.Contain("Thanks, " + encoded + "!"), "the encoded name");
            Assert.That(html, Does.Contain("Notes: " + encoded), "the encoded notes");
            var page = HtmlPages.Parse(html);
            Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo($"Thanks, {payload}!"), "shown as text");
            Assert.That(page.QuerySelector("[data-testid='order-notes']")?.TextContent, Is.EqualTo("Notes: " + payload));
            Assert.That(page.QuerySelectorAll("[onmouseover], [onerror], main script"), Is.Empty, "no element made from the payload");
        }
    }

    [Test]
    public async Task Status_UnknownCode_Returns404Page()
    {
        using var response = await Client.GetAsync("/orders/AAAAAAAAAAAAAAAAAAAAAA");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent, Is.EqualTo("We couldn't find that page"));
    }

    [Test]
    public async Task Cancel_GuestWhilePending_CancelsTheOrder()
    {
        var statusUrl = await PlaceThroughTheFormAsync("Cancel Me");
        var page = await Client.GetHtmlAsync(statusUrl);

        using var response = await Client.SubmitAsync(page.Form($"form[action='{statusUrl}/cancel']"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(statusUrl));
        var after = await Client.GetHtmlAsync(statusUrl);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.QuerySelector("[data-testid='order-status']")?.TextContent, Is.EqualTo("Cancelled"));
            Assert.That(after.QuerySelector("[role='status']")?.TextContent, Is.EqualTo("Your order was cancelled."));
            Assert.That(after.QuerySelector($"form[action='{statusUrl}/cancel']"), Is.Null, "no cancel button any more");
        }
    }

    [Test]
    public async Task Cancel_AfterTheBaristaStarted_IsRefusedAndTheOrderStaysPreparing()
    {
        var statusUrl = await PlaceThroughTheFormAsync("Too Late");
        var page = await Client.GetHtmlAsync(statusUrl);
        var cancelForm = page.Form($"form[action='{statusUrl}/cancel']");
        var code = statusUrl["/orders/".Length..];
        var id = await Factory.QueryDatabaseAsync(db => db.Orders.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());
        await Factory.MoveOrderAsync(id, OrderStatus.Preparing);

        using var response = await Client.SubmitAsync(cancelForm);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = await Client.GetHtmlAsync(statusUrl);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.QuerySelector("[data-testid='order-status']")?.TextContent, Is.EqualTo("Preparing"));
            Assert.That(after.QuerySelector("[role='status']")?.TextContent, Does.Contain("can no longer be cancelled"));
            Assert.That(after.QuerySelector($"form[action='{statusUrl}/cancel']"), Is.Null, "no cancel button while Preparing");
        }

        Assert.That(await Factory.QueryDatabaseAsync(db => db.Orders.Where(o => o.Id == id).Select(o => o.Status).SingleAsync()), Is.EqualTo(OrderStatus.Preparing));
    }

    [Test]
    public async Task Cancel_WithoutAntiforgeryToken_IsRefused()
    {
        var statusUrl = await PlaceThroughTheFormAsync("No Token");

        using var response = await Client.PostAsync(statusUrl + "/cancel", new FormUrlEncodedContent([]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Client.GetHtmlAsync(statusUrl)).QuerySelector("[data-testid='order-status']")?.TextContent, Is.EqualTo("Pending"));
    }

    [Test]
    public async Task History_SignedInCustomer_ListsOnlyTheirOwnOrders()
    {
        var ann = await Factory.CreateUserAsync(AppRoles.Customer);
        var bob = await Factory.CreateUserAsync(AppRoles.Customer);
        using var annClient = await Factory.CreateSignedInClientAsync(ann);
        using var bobClient = await Factory.CreateSignedInClientAsync(bob);
        var annOrders = new[] { await PlaceThroughTheFormAsync("Ann one", annClient), await PlaceThroughTheFormAsync("Ann two", annClient) };
        var bobOrder = await PlaceThroughTheFormAsync("Bob", bobClient);
        var guestOrder = await PlaceThroughTheFormAsync("Guest");

        var history = await annClient.GetHtmlAsync("/orders");

        var links = history.QuerySelectorAll("main table a[href^='/orders/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.That(links, Is.EquivalentTo(annOrders));
        Assert.That(links, Does.Not.Contain(bobOrder).And.Not.Contain(guestOrder));
    }

    [Test]
    public async Task History_Anonymous_RedirectsToSignIn()
    {
        using var response = await Client.GetAsync("/orders");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(HtmlPages.PathOf(response.Headers.Location), Is.EqualTo("/account/login?ReturnUrl=%2Forders"));
    }

    private async Task<IHtmlFormElement> OrderFormAsync(HttpClient? client = null) =>
        (await (client ?? Client).GetHtmlAsync("/order")).Form("form[action='/order']");

    /// <summary>Places an order through the form and returns its status page's path.</summary>
    private async Task<string> PlaceThroughTheFormAsync(string name, HttpClient? client = null)
    {
        client ??= Client;
        var form = await OrderFormAsync(client);
        using var response = await client.SubmitAsync(form, Choices(form, name, null, (_latte.Id, 1)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "placing an order");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts the form, expecting it back (200, errors shown) and no new order in the database.</summary>
    private async Task<IHtmlDocument> PostExpectingTheFormAgainAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string?> changes)
    {
        var before = await Factory.QueryDatabaseAsync(db => db.Orders.CountAsync());

        using var response = await Client.SubmitAsync(form, changes);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form again, not a redirect");
        var page = await response.ReadHtmlAsync();
        Assert.That(await Factory.QueryDatabaseAsync(db => db.Orders.CountAsync()), Is.EqualTo(before), "no order created");
        return page;
    }

    /// <summary>The fields to change: name, notes, and a quantity for each drink listed (every other drink stays 0).</summary>
    private static Dictionary<string, string?> Choices(IHtmlFormElement form, string name, string? notes, params (int MenuItemId, int Quantity)[] drinks)
    {
        var changes = new Dictionary<string, string?> { ["CustomerName"] = name, ["Notes"] = notes ?? string.Empty };
        foreach (var (menuItemId, quantity) in drinks)
        {
            var input = QuantityInput(form, menuItemId);
            Assert.That(input, Is.Not.Null, $"the form offers menu item {menuItemId}");
            changes[input!.Name!] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return changes;
    }

    private static IHtmlInputElement? QuantityInput(IParentNode form, int menuItemId) =>
        form.QuerySelector<IHtmlInputElement>($"input[data-testid='qty-{menuItemId}']");


    /// <summary>Each line of the status page: title, quantity, price, subtotal (the size and options under the title left out).</summary>
    private static string[][] Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main table tbody tr").Select(tr => tr.QuerySelectorAll("td")
            .Select(td => (td.QuerySelector("[data-testid='line-title']") ?? td).TextContent.Trim()).ToArray())];
}
