using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Integration.Web.Controllers;

/// <summary>The barista's queue at <c>/barista</c>: who may see it, its order, and the move buttons (posted with their tokens).</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class BaristaControllerTests : IntegrationTestBase
{
    private MenuItem _drink = null!;
    private HttpClient _barista = null!;
    private HttpClient _admin = null!;
    private HttpClient _customer = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _drink = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithTitle("Queue Test Flat White").BuildDetails());
        _barista = await Factory.CreateSignedInClientAsync(await Factory.CreateUserAsync(AppRoles.Barista));
        _admin = await Factory.CreateSignedInClientAsync(await Factory.CreateUserAsync(AppRoles.Admin));
        _customer = await Factory.CreateSignedInClientAsync(await Factory.CreateUserAsync(AppRoles.Customer));
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _barista.Dispose();
        _admin.Dispose();
        _customer.Dispose();
    }

    [Test]
    public async Task Index_Barista_ShowsOpenOrdersOldestFirstAndNoClosedOnes()
    {
        var tag = Tag();
        var first = await PlaceAsync($"{tag} first");
        var completed = await PlaceAsync($"{tag} completed");
        var second = await PlaceAsync($"{tag} second");
        var cancelled = await PlaceAsync($"{tag} cancelled");
        var third = await PlaceAsync($"{tag} third");
        await Factory.MoveOrderAsync(completed.Id, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed);
        await Factory.MoveOrderAsync(cancelled.Id, OrderStatus.Cancelled);
        await Factory.MoveOrderAsync(second.Id, OrderStatus.Preparing);
        await Factory.MoveOrderAsync(third.Id, OrderStatus.Preparing, OrderStatus.Ready);

        var queue = await _barista.GetHtmlAsync("/barista");

        var mine = QueueNames(queue).Where(n => n.StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.That(mine, Is.EqualTo(new[] { $"{tag} first", $"{tag} second", $"{tag} third" }));
        Assert.That(QueueNames(queue), Has.Count.EqualTo(await OpenOrderCountAsync()), "every open order is listed");
        Assert.That(Card(queue, first.Id)?.QuerySelector(".badge")?.TextContent, Is.EqualTo("Pending"));
    }

    [Test]
    public async Task Move_BaristaPressesEachButton_TakesTheOrderFromPendingToCompleted()
    {
        var order = await PlaceAsync(Tag());

        foreach (var (button, expected) in new[] { ("Mark Preparing", OrderStatus.Preparing), ("Mark Ready", OrderStatus.Ready), ("Mark Completed", OrderStatus.Completed) })
        {
            var queue = await _barista.GetHtmlAsync("/barista");
            using var response = await _barista.SubmitAsync(MoveForm(queue, order.Id, button));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), button);
            Assert.That(HtmlPages.PathOf(response.Headers.Location), Is.EqualTo("/barista"));
            Assert.That(await StatusOfAsync(order.Id), Is.EqualTo(expected), button);
        }

        Assert.That(Card(await _barista.GetHtmlAsync("/barista"), order.Id), Is.Null, "a completed order leaves the queue");
    }

    [Test]
    public async Task Move_AfterAMove_ShowsTheNewStatusAndItsNextButtons()
    {
        var order = await PlaceAsync(Tag());
        using var response = await _barista.SubmitAsync(MoveForm(await _barista.GetHtmlAsync("/barista"), order.Id, "Mark Preparing"));

        var queue = await _barista.GetHtmlAsync("/barista");

        var card = Card(queue, order.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(queue.QuerySelector("[role='status']")?.TextContent, Does.Contain("is now Preparing"));
            Assert.That(card?.QuerySelector(".badge")?.TextContent, Is.EqualTo("Preparing"));
            Assert.That(Buttons(card!), Is.EqualTo(new[] { "Mark Ready", "Cancel" }));
        }
    }

    [Test]
    public async Task Move_AdminPressesCancel_CancelsTheOrder()
    {
        var order = await PlaceAsync(Tag());
        var queue = await _admin.GetHtmlAsync("/barista");
        Assert.That(Buttons(Card(queue, order.Id)!), Is.EqualTo(new[] { "Mark Preparing", "Cancel" }));

        using var response = await _admin.SubmitAsync(MoveForm(queue, order.Id, "Cancel"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await StatusOfAsync(order.Id), Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public async Task Move_ButtonFromAStalePage_IsRefusedWithAMessageAndChangesNothing()
    {
        var order = await PlaceAsync(Tag());
        var stale = await _barista.GetHtmlAsync("/barista");
        await Factory.MoveOrderAsync(order.Id, OrderStatus.Preparing, OrderStatus.Ready);

        using var response = await _barista.SubmitAsync(MoveForm(stale, order.Id, "Mark Preparing"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await _barista.GetHtmlAsync("/barista")).QuerySelector("[role='status']")?.TextContent, Does.Contain("That move was not made"));
        Assert.That(await StatusOfAsync(order.Id), Is.EqualTo(OrderStatus.Ready));
    }

    [Test]
    public async Task Index_Customer_Gets403Page()
    {
        using var response = await _customer.GetAsync("/barista");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(HtmlPages.PathOf(response.Headers.Location), Does.StartWith("/account/access-denied"));
        using var denied = await _customer.GetAsync(response.Headers.Location);
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var page = await denied.ReadHtmlAsync();
        Assert.That(page.QuerySelector("p.display-1")?.TextContent, Is.EqualTo("403"));
    }

    [Test]
    public async Task Move_Customer_IsForbiddenAndChangesNothing()
    {
        var order = await PlaceAsync(Tag());
        var form = MoveForm(await _barista.GetHtmlAsync("/barista"), order.Id, "Mark Preparing");
        var token = (await _customer.GetHtmlAsync("/order")).Form("form[action='/order']").AntiforgeryToken();

        using var response = await _customer.SubmitAsync(form, new Dictionary<string, string?> { [HtmlPages.AntiforgeryFieldName] = token });

        Assert.That(HtmlPages.PathOf(response.Headers.Location), Does.StartWith("/account/access-denied"));
        Assert.That(await StatusOfAsync(order.Id), Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task Index_Anonymous_RedirectsToSignIn()
    {
        using var response = await Client.GetAsync("/barista");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(HtmlPages.PathOf(response.Headers.Location), Is.EqualTo("/account/login?ReturnUrl=%2Fbarista"));
    }

    private static string Tag() => "Q" + Guid.NewGuid().ToString("N")[..8];

    private Task<Order> PlaceAsync(string name) =>
        Factory.PlaceOrderAsync(name, [new OrderLineRequest(_drink.Id, 1)]);

    private Task<OrderStatus> StatusOfAsync(int id) =>
        Factory.QueryDatabaseAsync(db => db.Orders.Where(o => o.Id == id).Select(o => o.Status).SingleAsync());

    private Task<int> OpenOrderCountAsync() =>
        Factory.QueryDatabaseAsync(db => db.Orders.CountAsync(o =>
            o.Status == OrderStatus.Pending || o.Status == OrderStatus.Preparing || o.Status == OrderStatus.Ready));

    private static List<string> QueueNames(IHtmlDocument queue) =>
        [.. queue.QuerySelectorAll("[data-testid='queue-order'] h2").Select(h => h.ChildNodes.OfType<IText>().First().Text.Trim())];

    private static IElement? Card(IHtmlDocument queue, int orderId) =>
        queue.QuerySelectorAll("[data-testid='queue-order']")
            .SingleOrDefault(c => c.QuerySelector($"form[action='/barista/orders/{orderId}/status']") is not null
                || c.TextContent.Contains($"Order #{orderId} ", StringComparison.Ordinal));

    private static List<string> Buttons(IElement card) =>
        [.. card.QuerySelectorAll("form button").Select(b => b.ChildNodes.OfType<IText>().First().Text.Trim())];

    private static IHtmlFormElement MoveForm(IHtmlDocument queue, int orderId, string button)
    {
        var card = Card(queue, orderId);
        Assert.That(card, Is.Not.Null, $"order #{orderId} is in the queue");
        var form = card!.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .SingleOrDefault(f => f.QuerySelector("button")?.ChildNodes.OfType<IText>().First().Text.Trim() == button);
        Assert.That(form, Is.Not.Null, $"order #{orderId} has a '{button}' button");
        return form!;
    }
}
