using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>Every form post must carry the token its form was given; without it the site answers 400 and does nothing.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class AntiforgeryTests : IntegrationTestBase
{
    [Test]
    public async Task EveryPostForm_OnEveryPage_CarriesAnAntiforgeryToken()
    {
        // An admin sees every page and every form: the nav's sign-out, the barista queue's buttons, the key forms.
        var email = await Factory.CreateUserAsync(AppRoles.Admin);
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        await browser.SignInSuccessfullyAsync(email);
        var order = await PlaceOrderAsync(browser);
        using var key = await browser.SubmitAsync(
            (await browser.GetHtmlAsync("/admin/api-keys")).Form("form[action='/admin/api-keys']"),
            new Dictionary<string, string?> { ["Form.Name"] = "Form audit" });
        Assert.That(key.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a key, so the page has a revoke form");
        string[] pages = ["/", "/menu", "/menu/1", "/order", order, "/orders", "/barista", "/admin/api-keys", "/account/login", "/account/register", "/account/logout"];

        var forms = new List<string>();
        foreach (var url in pages)
        {
            var page = await browser.GetHtmlAsync(url);
            forms.AddRange(page.QuerySelectorAll("form")
                .OfType<IHtmlFormElement>()
                .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
                .Where(f => string.IsNullOrEmpty(f.QuerySelector<IHtmlInputElement>($"input[name='{HtmlPages.AntiforgeryFieldName}']")?.Value))
                .Select(f => $"{url}: <form action='{f.GetAttribute("action")}'>"));
        }

        Assert.That(forms, Is.Empty, "post forms without a token");
    }

    [Test]
    public async Task LoginForm_WithItsToken_IsProcessed()
    {
        // The control: the same post with the token signs in, so the 400 below is the token's doing.
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var browser = Factory.CreateCookieClient(new CookieContainer());

        using var response = await browser.SignInAsync(email);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task LoginForm_WithoutToken_Returns400AndDoesNotSignIn()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        var form = await browser.LoginFormAsync();

        using var response = await browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["Password"] = CoffeeShopWebFactory.DefaultPassword,
            [HtmlPages.AntiforgeryFieldName] = null,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(SiteSessions.SetCookie(response, SiteSessions.AuthCookie), Is.Null, "not signed in");
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("That request didn't look right"), "the friendly 400 page");
    }

    [Test]
    public async Task LoginForm_TokenFromAnotherVisitor_Returns400()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var attacker = Factory.CreateCookieClient(new CookieContainer());
        using var victim = Factory.CreateCookieClient(new CookieContainer());
        var attackersToken = (await attacker.LoginFormAsync()).AntiforgeryToken();
        var form = await victim.LoginFormAsync();

        using var response = await victim.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["Password"] = CoffeeShopWebFactory.DefaultPassword,
            [HtmlPages.AntiforgeryFieldName] = attackersToken,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task OrderForm_WithItsToken_PlacesTheOrder()
    {
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        var form = await OrderFormAsync(browser);

        using var response = await browser.SubmitAsync(form, FirstDrink(form));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Does.StartWith("/orders/"));
    }

    [Test]
    public async Task OrderForm_WithoutToken_Returns400AndPlacesNoOrder()
    {
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        var form = await OrderFormAsync(browser);
        var changes = FirstDrink(form);
        changes[HtmlPages.AntiforgeryFieldName] = null;

        using var response = await browser.SubmitAsync(form, changes);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Headers.Location, Is.Null, "no confirmation page");
    }

    [Test]
    public async Task LogoutForm_WithoutToken_Returns400AndKeepsTheSession()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        await browser.SignInSuccessfullyAsync(email);
        var form = (await browser.GetHtmlAsync("/account/logout")).Form("main form");

        using var response = await browser.SubmitAsync(form, new Dictionary<string, string?> { [HtmlPages.AntiforgeryFieldName] = null });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var history = await browser.GetAsync("/orders");
        Assert.That(history.StatusCode, Is.EqualTo(HttpStatusCode.OK), "still signed in");
    }

    private static async Task<IHtmlFormElement> OrderFormAsync(HttpClient browser)
    {
        var form = (await browser.GetHtmlAsync("/order")).Form("form[action='/order']");
        Assert.That(form.AntiforgeryToken(), Is.Not.Empty);
        return form;
    }

    /// <summary>Places an order through the form and returns its status page's URL.</summary>
    private static async Task<string> PlaceOrderAsync(HttpClient browser)
    {
        var form = await OrderFormAsync(browser);
        using var response = await browser.SubmitAsync(form, FirstDrink(form));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "order placed");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>One of the first drink on the form, with a name.</summary>
    private static Dictionary<string, string?> FirstDrink(IHtmlFormElement form)
    {
        var quantity = form.QuerySelector<IHtmlInputElement>("input[type='number']")!.Name!;
        return new Dictionary<string, string?> { [quantity] = "1", ["CustomerName"] = "Ann" };
    }
}
