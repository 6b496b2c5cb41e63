using System.Collections.Concurrent;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.TestSupport.Browser;
using static Microsoft.Playwright.Assertions;

namespace CoffeeShop.Tests.Browser.Docs;

/// <summary>
/// The documentation pages in a real browser: they render the API, and every request they make (scripts, styles, fonts,
/// images, the document) goes to the app's own origin. The CSP would block the rest; this shows nothing even asks.
/// </summary>
[TestFixture]
[Category(TestCategories.Browser)]
public sealed class ApiDocsJourneyTests : BrowserTestBase
{
    [TestCase("/redoc")]
    [TestCase("/docs")]
    public async Task DocumentationPage_Loaded_LoadsNothingFromAnotherHost(string path)
    {
        var requested = new ConcurrentQueue<string>();
        var loaded = new ConcurrentQueue<string>();
        Page.Request += (_, request) => requested.Enqueue(request.Url);
        Page.Response += (_, response) => loaded.Enqueue(response.Url);

        await Page.GotoAsync(new Uri(BaseUrl, path).ToString());
        await Expect(Page.GetByText("/api/v1/orders").First).ToBeAttachedAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(loaded, Is.Not.Empty);
            Assert.That(requested.Where(OtherHost), Is.Empty, "every request goes to the app's own origin");
        }
    }

    private bool OtherHost(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Authority != BaseUrl.Authority;
}
