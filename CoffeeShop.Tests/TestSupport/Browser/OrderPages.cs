using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoffeeShop.Tests.TestSupport.Browser;

/// <summary>The order form (<c>/order</c>): a row per drink (quantity, size, options), a name and notes.</summary>
public sealed class OrderFormPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Place an order", Level = 1 });

    public ILocator Name => page.GetByLabel("Name for the order");

    public ILocator Notes => page.GetByLabel("Notes (optional)");

    public ILocator PlaceOrderButton => page.GetByRole(AriaRole.Button, new() { Name = "Place order" });

    public ILocator DrinksError => page.GetByTestId("lines-error");

    /// <summary>The total of the chosen rows, as the script (or the server, on "Update total") shows it.</summary>
    public ILocator Total => page.GetByTestId("form-total");

    /// <summary>The row of a drink (the <paramref name="nth"/> one, when the drink is there made several ways).</summary>
    public ILocator Line(string title, int nth = 0) => page.Locator($"[data-order-line][data-title='{title}']").Nth(nth);

    public ILocator LineTotal(string title, int nth = 0) => Line(title, nth).GetByTestId("line-total");

    /// <summary>Opens a row's options, chooses its size, and takes each option (a radio or box by its label, or a count).</summary>
    public async Task ChooseSizeAndOptionsAsync(string title, string size, params (string Label, int? Count)[] options)
    {
        var line = Line(title);
        await line.GetByLabel("Size").SelectOptionAsync(size);
        if (options.Length == 0)
        {
            return;
        }

        var details = line.Locator("details");
        if (await details.GetAttributeAsync("open") is null)
        {
            await line.Locator("summary").ClickAsync();
        }

        foreach (var (label, count) in options)
        {
            var input = line.GetByLabel(label);
            if (count is { } n)
            {
                await input.FillAsync(n.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                await input.CheckAsync();
            }
        }
    }

    /// <summary>The quantity box of a drink, found by its label ("Latte $3.90"), so "Latte" is not "Iced Latte".</summary>
    public ILocator Quantity(string title) =>
        page.GetByRole(AriaRole.Spinbutton, new() { NameRegex = new Regex($"^{Regex.Escape(title)} ") });

    public async Task<OrderFormPage> GotoAsync()
    {
        await page.GotoAsync("/order");
        return this;
    }

    public async Task ChooseAsync(string title, int quantity) =>
        await Quantity(title).FillAsync(quantity.ToString(CultureInfo.InvariantCulture));

    /// <summary>Fills the name (and notes) and places the order; the browser lands on the confirmation page.</summary>
    public async Task<OrderStatusPage> PlaceAsync(string name, string? notes = null)
    {
        await Name.FillAsync(name);
        if (notes is not null)
        {
            await Notes.FillAsync(notes);
        }

        await PlaceOrderButton.ClickAsync();
        return new OrderStatusPage(page);
    }
}

/// <summary>The confirmation and status page of an order (<c>/orders/{code}</c>).</summary>
public sealed class OrderStatusPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Status => page.GetByTestId("order-status");

    public ILocator Total => page.GetByTestId("order-total");

    /// <summary>The drinks table's rows, each "Title Qty Price Subtotal".</summary>
    public ILocator Lines => page.Locator("main table tbody tr");

    public ILocator Message => page.Locator("main .alert[role='status']");

    /// <summary>The live region that announces a new status.</summary>
    public ILocator LiveMessage => page.GetByTestId("order-live-message");

    /// <summary>The live connection's state ("Live: …", "Reconnecting…"); hidden without JavaScript.</summary>
    public ILocator LiveConnection => page.GetByTestId("live-connection");

    public ILocator CancelButton => page.GetByRole(AriaRole.Button, new() { Name = "Cancel this order" });

    public async Task ReloadAsync() => await page.ReloadAsync();

    public async Task CancelAsync() => await CancelButton.ClickAsync();
}
