using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.TestSupport.Browser;
using static Microsoft.Playwright.Assertions;

namespace CoffeeShop.Tests.Browser.GraphQL;

/// <summary>The GraphQL IDE in a real browser: it loads from this site alone, runs the menu query and shows the answer.</summary>
[TestFixture]
[Category(TestCategories.Browser)]
public sealed class GraphiQLTests : BrowserTestBase
{
    [Test]
    public async Task Ide_RunTheMenuQuery_ShowsTheDrinksAndLoadsNothingFromElsewhere()
    {
        var requested = new List<Uri>();
        var refused = new List<string>();
        Page.Request += (_, request) => requested.Add(new Uri(request.Url));
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };

        var ide = await new GraphiQLPage(Page).GotoAsync();
        await Expect(ide.RunButton).ToBeVisibleAsync();
        await ide.RunAsync();

        await Expect(ide.Response).ToContainTextAsync("\"totalCount\"");
        await Expect(ide.Response).ToContainTextAsync("Latte");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requested.Select(u => u.Authority).Distinct(), Is.EqualTo(new[] { BaseUrl.Authority }), "every request goes to this site");
            Assert.That(requested.Select(u => u.AbsolutePath), Does.Contain("/graphql"), "the query went to /graphql");
            Assert.That(refused, Is.Empty, "the page's CSP refused nothing it needs");
        }
    }

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?> { ["GraphQL:Introspection"] = "true" });
}
