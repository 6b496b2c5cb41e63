using System.Net;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>Security headers on pages, API responses and errors; the site's cookies are HttpOnly and SameSite.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class SecurityHeadersTests : IntegrationTestBase
{
    private static readonly string[] Urls = ["/", "/menu", "/account/login", "/api/v1/menu-items", "/coffee/hot", "/no-such-page", "/api/v1/nothing"];

    [TestCaseSource(nameof(Urls))]
    public async Task Response_AnyRoute_CarriesNosniff(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
    }

    [TestCaseSource(nameof(Urls))]
    public async Task Response_AnyRoute_ForbidsFraming(string url)
    {
        using var response = await Client.GetAsync(url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Directives(response), Does.Contain("frame-ancestors 'none'"));
        }
    }

    [TestCaseSource(nameof(Urls))]
    public async Task Response_AnyRoute_SetsReferrerAndPermissionsPolicies(string url)
    {
        using var response = await Client.GetAsync(url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("strict-origin-when-cross-origin"));
            Assert.That(Header(response, "Permissions-Policy"), Does.Contain("camera=()").And.Contain("microphone=()").And.Contain("geolocation=()"));
        }
    }

    [TestCase("/")]
    [TestCase("/menu")]
    [TestCase("/order")]
    [TestCase("/account/login")]
    public async Task SitePage_ContentSecurityPolicy_AllowsOnlyOwnScriptsAndNoInlineCode(string url)
    {
        using var response = await Client.GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(csp, Does.Not.Contain("'unsafe-inline'").And.Not.Contain("'unsafe-eval'"));
            Assert.That(Directives(response), Does.Contain("default-src 'self'").And.Contain("script-src 'self'").And.Contain("object-src 'none'"));
        }
    }

    [Test]
    public async Task SitePage_Html_HasNoInlineScriptsOrStylesTheCspWouldBlock()
    {
        var page = await Client.GetHtmlAsync("/order");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.QuerySelectorAll("script:not([src])").Select(s => s.OuterHtml), Is.Empty, "inline <script>");
            Assert.That(page.QuerySelectorAll("style").Select(s => s.OuterHtml), Is.Empty, "inline <style>");
            Assert.That(page.QuerySelectorAll("[style]").Select(s => s.OuterHtml), Is.Empty, "style attributes");
        }
    }

    [Test]
    public async Task AntiforgeryCookie_OnAFormPage_IsHttpOnlyAndSameSiteStrict()
    {
        using var response = await Client.GetAsync("/account/login");

        var cookie = SiteSessions.SetCookie(response, SiteSessions.AntiforgeryCookie);
        Assert.That(cookie, Is.Not.Null, "the form page sets the antiforgery cookie");
        Assert.That(SiteSessions.CookieAttributes(cookie!), Does.Contain("httponly").And.Contain("samesite=strict"));
    }

    [Test]
    public async Task AuthCookie_AfterSignIn_IsHttpOnlyAndSameSiteLax()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var browser = Factory.CreateCookieClient(new CookieContainer());

        using var response = await browser.SignInAsync(email);

        var cookie = SiteSessions.SetCookie(response, SiteSessions.AuthCookie);
        Assert.That(cookie, Is.Not.Null, "signed in");
        Assert.That(SiteSessions.CookieAttributes(cookie!), Does.Contain("httponly").And.Contain("samesite=lax"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static IReadOnlyList<string> Directives(HttpResponseMessage response) =>
        [.. (Header(response, "Content-Security-Policy") ?? string.Empty).Split(';').Select(d => d.Trim())];
}
