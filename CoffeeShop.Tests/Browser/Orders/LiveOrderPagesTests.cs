using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.TestSupport.Browser;
using CoffeeShop.Web.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoffeeShop.Tests.Browser.Orders;

/// <summary>
/// The status page and the barista queue update themselves: a customer and a barista in two browser contexts,
/// neither reloading. And both pages still work with JavaScript off.
/// </summary>
[TestFixture]
[Category(TestCategories.Browser)]
public sealed class LiveOrderPagesTests : BrowserTestBase
{
    private const string NoReloadMarker = "window.__notReloaded";

    [Test]
    public async Task StatusPage_FollowsTheBaristasMoves_WithoutAReload()
    {
        var name = "Live status " + Guid.NewGuid().ToString("N")[..6];
        var form = await new OrderFormPage(Page).GotoAsync();
        await form.ChooseAsync("Latte", 1);
        var status = await form.PlaceAsync(name);
        await Expect(status.Status).ToHaveTextAsync("Pending");
        await Expect(status.LiveConnection).ToHaveTextAsync("Live: this page updates itself.");
        await Page.EvaluateAsync(NoReloadMarker + " = true");

        var baristaPage = await NewPageAsync();
        await new SignInPage(baristaPage).SignInAsync(await Factory.CreateUserAsync(AppRoles.Barista));
        var queue = await new BaristaQueuePage(baristaPage).GotoAsync();

        await queue.MoveAsync(name, "Mark Preparing");
        await Expect(status.Status).ToHaveTextAsync("Preparing");
        await Expect(status.LiveMessage).ToHaveTextAsync("Your order is now Preparing.");
        await Expect(status.CancelButton).ToBeHiddenAsync();

        await queue.MoveAsync(name, "Mark Ready");
        await Expect(status.Status).ToHaveTextAsync("Ready");
        await Expect(status.LiveMessage).ToHaveTextAsync("Your order is now Ready.");
        Assert.That(await Page.EvaluateAsync<bool>(NoReloadMarker + " === true"), Is.True, "the page was not reloaded");
        await Expect(status.LiveMessage).ToHaveAttributeAsync("aria-live", "polite");
    }

    [Test]
    public async Task StatusPage_StopsListeningAtAFinalStatus()
    {
        var order = await PlaceAsync("Live final");
        var status = new OrderStatusPage(Page);
        var webSocket = Page.WaitForWebSocketAsync();
        await Page.GotoAsync($"/orders/{order.Code}");
        await Expect(status.LiveConnection).ToHaveTextAsync("Live: this page updates itself.");
        Assert.That((await webSocket).Url, Does.Contain("/hubs/orders"), "the page's CSP lets the same-origin WebSocket through");

        await Factory.MoveOrderAsync(order.Id, OrderStatus.Cancelled);

        await Expect(status.Status).ToHaveTextAsync("Cancelled");
        await Expect(status.LiveConnection).ToBeHiddenAsync();
        await Expect(status.LiveConnection).ToHaveAttributeAsync("data-state", "stopped");
    }

    [Test]
    public async Task BaristaPage_ShowsANewOrderFromAnotherBrowser_AndItsButtonsWork()
    {
        await new SignInPage(Page).SignInAsync(await Factory.CreateUserAsync(AppRoles.Barista));
        var queue = await new BaristaQueuePage(Page).GotoAsync();
        await Expect(queue.LiveConnection).ToHaveTextAsync("Live: this page updates itself.");
        await Page.EvaluateAsync(NoReloadMarker + " = true");

        var name = "Live queue " + Guid.NewGuid().ToString("N")[..6];
        var customer = await NewPageAsync();
        var form = await new OrderFormPage(customer).GotoAsync();
        await form.ChooseAsync("Cold Brew", 2);
        await form.PlaceAsync(name, "No ice");

        await Expect(queue.CardStatus(name)).ToHaveTextAsync("Pending");
        await Expect(queue.Card(name)).ToContainTextAsync("2 × Cold Brew");
        await Expect(queue.Card(name)).ToContainTextAsync("No ice");
        await Expect(queue.Cards.Last).ToContainTextAsync(name, new() { Timeout = 5000 });
        Assert.That(await Page.EvaluateAsync<bool>(NoReloadMarker + " === true"), Is.True, "the page was not reloaded");

        // The live card's buttons are real forms, with a valid antiforgery token.
        await queue.MoveAsync(name, "Mark Preparing");
        await Expect(queue.Message).ToContainTextAsync("is now Preparing");
        await Expect(queue.CardStatus(name)).ToHaveTextAsync("Preparing");
    }

    [Test]
    public async Task BaristaPage_MovesAndRemovesCardsChangedElsewhere()
    {
        await new SignInPage(Page).SignInAsync(await Factory.CreateUserAsync(AppRoles.Barista));
        var first = await PlaceAsync("Live older");
        var second = await PlaceAsync("Live newer");
        var queue = await new BaristaQueuePage(Page).GotoAsync();
        await Expect(queue.LiveConnection).ToHaveTextAsync("Live: this page updates itself.");

        await Factory.MoveOrderAsync(second.Id, OrderStatus.Preparing);
        await Expect(queue.CardStatus(second.CustomerName)).ToHaveTextAsync("Preparing");
        await Expect(queue.MoveButton(second.CustomerName, "Mark Ready")).ToBeVisibleAsync();

        await Factory.MoveOrderAsync(first.Id, OrderStatus.Cancelled);
        await Expect(queue.Card(first.CustomerName)).ToHaveCountAsync(0);
    }

    [Test]
    public async Task BothPages_WorkWithJavaScriptOff()
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        var order = await PlaceAsync("No script");

        var status = new OrderStatusPage(page);
        await page.GotoAsync($"/orders/{order.Code}");
        await Expect(status.Status).ToHaveTextAsync("Pending");
        await Expect(status.LiveConnection).ToBeHiddenAsync();

        await new SignInPage(page).SignInAsync(await Factory.CreateUserAsync(AppRoles.Barista));
        var queue = await new BaristaQueuePage(page).GotoAsync();
        await queue.MoveAsync(order.CustomerName, "Mark Preparing");
        await Expect(queue.CardStatus(order.CustomerName)).ToHaveTextAsync("Preparing");
        await Expect(queue.LiveConnection).ToBeHiddenAsync();

        await page.GotoAsync($"/orders/{order.Code}");
        await Expect(status.Status).ToHaveTextAsync("Preparing");
    }

    private Task<Order> PlaceAsync(string name) =>
        Factory.PlaceOrderAsync(name + " " + Guid.NewGuid().ToString("N")[..6], [new OrderLineRequest(1, 1)]);
}
