using Microsoft.Playwright;

namespace CoffeeShop.Tests.TestSupport.Browser;

/// <summary>The sign-in page (<c>/account/login</c>).</summary>
public sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password = CoffeeShopWebFactory.DefaultPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once the next page's document has arrived; the steps after wait for what they need themselves
        // (a full "load" also waits for every picture, which once took over 30 s on a loaded CI machine).
        try
        {
            await page.WaitForURLAsync(
                url => !url.Contains("/account/login", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException ex)
        {
            // Once in many CI runs the browser stayed on the sign-in page; say what that page said, so the cause shows.
            var said = await page.Locator("main").InnerTextAsync(new() { Timeout = 5000 });
            throw new TimeoutException($"Still on {page.Url} after signing in as {email}; the page said: {said}", ex);
        }
    }
}

/// <summary>The barista's queue (<c>/barista</c>): a card per open order with a button for each next move.</summary>
public sealed class BaristaQueuePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Order queue", Level = 1 });

    public ILocator Cards => page.GetByTestId("queue-order");

    public ILocator Message => page.Locator("main .alert[role='status']");

    /// <summary>The live connection's state ("Live: …", "Reconnecting…"); hidden without JavaScript.</summary>
    public ILocator LiveConnection => page.GetByTestId("live-connection");

    /// <summary>The card of the order placed under <paramref name="customerName"/>.</summary>
    public ILocator Card(string customerName) =>
        Cards.Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = customerName }) });

    public ILocator CardStatus(string customerName) => Card(customerName).Locator("h2 .badge");

    public ILocator MoveButton(string customerName, string label) =>
        Card(customerName).GetByRole(AriaRole.Button, new() { Name = label });

    public async Task<BaristaQueuePage> GotoAsync()
    {
        await page.GotoAsync("/barista");
        return this;
    }

    /// <summary>Presses a move button ("Mark Preparing", "Mark Ready", "Cancel…") on an order's card.</summary>
    public async Task MoveAsync(string customerName, string label) => await MoveButton(customerName, label).ClickAsync();
}
