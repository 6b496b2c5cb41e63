using System.Text.RegularExpressions;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.TestSupport.Browser;
using CoffeeShop.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace CoffeeShop.Tests.Browser.Orders;

/// <summary>A guest orders in one browser while a barista works the queue in another.</summary>
[TestFixture]
[Category(TestCategories.Browser)]
public sealed class OrderJourneyTests : BrowserTestBase
{
    [Test]
    public async Task Order_FromTheMenuThroughTheBaristasQueue_CustomerSeesReady()
    {
        var name = "Journey " + Guid.NewGuid().ToString("N")[..6];

        // The customer: menu → Latte → "Order this" → two lattes → confirmation.
        var menu = await new MenuPage(Page).GotoAsync();
        var latte = await menu.OpenAsync("Latte");
        var form = await latte.OrderAsync();
        await Expect(form.Heading).ToBeVisibleAsync();
        await Expect(form.Quantity("Latte")).ToHaveValueAsync("1");
        await form.ChooseAsync("Latte", 2);
        var confirmation = await form.PlaceAsync(name, "Extra hot");

        await Expect(Page).ToHaveURLAsync(new Regex(@"/orders/[A-Za-z0-9_-]{22}$"));
        await Expect(confirmation.Heading).ToHaveTextAsync($"Thanks, {name}!");
        await Expect(confirmation.Status).ToHaveTextAsync("Pending");
        await Expect(confirmation.Lines).ToHaveTextAsync([new Regex(@"^Latte\s*Medium · Whole milk\s*2\s*\$3\.90\s*\$7\.80$")]);
        await Expect(confirmation.Total).ToHaveTextAsync("$7.80");
        await Expect(confirmation.CancelButton).ToBeVisibleAsync();

        // The barista, signed in at another browser, moves it along.
        var baristaPage = await NewPageAsync();
        await new SignInPage(baristaPage).SignInAsync(await Factory.CreateUserAsync(AppRoles.Barista));
        var queue = await new BaristaQueuePage(baristaPage).GotoAsync();
        await Expect(queue.Heading).ToBeVisibleAsync();
        await Expect(queue.CardStatus(name)).ToHaveTextAsync("Pending");

        await queue.MoveAsync(name, "Mark Preparing");
        await Expect(queue.CardStatus(name)).ToHaveTextAsync("Preparing");
        await Expect(queue.Message).ToContainTextAsync("is now Preparing");

        await queue.MoveAsync(name, "Mark Ready");
        await Expect(queue.CardStatus(name)).ToHaveTextAsync("Ready");
        await Expect(queue.MoveButton(name, "Mark Completed")).ToBeVisibleAsync();

        // The customer refreshes the confirmation page.
        await confirmation.ReloadAsync();
        await Expect(confirmation.Status).ToHaveTextAsync("Ready");
        await Expect(confirmation.CancelButton).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Order_GuestCancelsWhilePending_ShowsCancelled()
    {
        var form = await new OrderFormPage(Page).GotoAsync();
        await form.ChooseAsync("Cold Brew", 1);
        var confirmation = await form.PlaceAsync("Changed my mind");
        await Expect(confirmation.Status).ToHaveTextAsync("Pending");

        await confirmation.CancelAsync();

        await Expect(confirmation.Status).ToHaveTextAsync("Cancelled");
        await Expect(confirmation.Message).ToHaveTextAsync("Your order was cancelled.");
        await Expect(confirmation.CancelButton).ToHaveCountAsync(0);
    }

    [Test]
    public async Task OrderForm_NoDrinkChosen_StaysWithAMessageOnTheDrinks()
    {
        var form = await new OrderFormPage(Page).GotoAsync();

        await form.PlaceAsync("Nothing");

        await Expect(Page).ToHaveURLAsync(new Regex("/order$"));
        await Expect(form.DrinksError).ToHaveTextAsync("Choose at least one drink.");
        await Expect(form.Name).ToHaveValueAsync("Nothing");
    }
}
