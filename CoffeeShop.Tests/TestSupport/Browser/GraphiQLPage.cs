using Microsoft.Playwright;

namespace CoffeeShop.Tests.TestSupport.Browser;

/// <summary>GraphiQL at /graphql/ui: its query editor's run button and the response pane.</summary>
public sealed class GraphiQLPage(IPage page)
{
    public ILocator RunButton => page.Locator(".graphiql-execute-button");

    public ILocator Response => page.Locator(".graphiql-response");

    public async Task<GraphiQLPage> GotoAsync()
    {
        await page.GotoAsync("/graphql/ui");
        return this;
    }

    /// <summary>Runs the query in the editor (on first load, the menu query the page starts with).</summary>
    public Task RunAsync() => RunButton.ClickAsync();
}
