using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.TestSupport.Browser;
using CoffeeShop.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace CoffeeShop.Tests.Browser.Orders;

/// <summary>
/// A drink as people order it, in a real browser: a large oat latte with two extra shots and a vanilla syrup and a
/// small black coffee, priced live as the choices are made (seeded prices: 4.40 + 0.50 + 2 × 0.70 + 0.50 = 6.80, and
/// 2.10), the same total once placed, and the barista's queue saying how to make each drink.
/// </summary>
[TestFixture]
[Category(TestCategories.Browser)]
public sealed class OrderOptionsJourneyTests : BrowserTestBase
{
    [Test]
    public async Task Order_LargeOatLatteWithShotsAndVanillaAndSmallBlack_TotalBeforeAndAfterAndTheBaristaSeesHowToMakeThem()
    {
        var name = "Options " + Guid.NewGuid().ToString("N")[..6];
        var form = await new OrderFormPage(Page).GotoAsync();

        await form.ChooseAsync("Latte", 1);
        await form.ChooseSizeAndOptionsAsync("Latte", "large", ("Oat milk", null), ("Extra espresso shot", 2), ("Vanilla syrup", 1));
        await Expect(form.LineTotal("Latte")).ToHaveTextAsync("$6.80");
        await form.ChooseAsync("Black", 1);
        await form.ChooseSizeAndOptionsAsync("Black", "small");
        await Expect(form.LineTotal("Black")).ToHaveTextAsync("$2.10");
        await Expect(form.Total).ToHaveTextAsync("$8.90");

        var status = await form.PlaceAsync(name);
        await Expect(status.Total).ToHaveTextAsync("$8.90");
        await Expect(status.Lines).ToHaveCountAsync(2);

        var baristaPage = await NewPageAsync();
        await new SignInPage(baristaPage).SignInAsync(await Factory.CreateUserAsync(AppRoles.Barista));
        var queue = await new BaristaQueuePage(baristaPage).GotoAsync();
        await Expect(queue.Card(name).Locator("li")).ToHaveTextAsync(
        [
            "1 × Black Small",
            "1 × Latte Large · Oat milk, 2 × Extra espresso shot, Vanilla syrup",
        ]);
    }
}
