using System.Net;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>
/// With <c>Security:RequireHttps=true</c> (the default outside Development): plain HTTP is redirected, HSTS is
/// sent over HTTPS, and the cookies are Secure.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class HttpsTests : IntegrationTestBase
{
    // HSTS is never sent to localhost (the framework's default exclusion, so a developer's browser is not
    // pinned to HTTPS for every local app); the HSTS test uses a real-looking host name.
    private const string PublicHost = "coffeeshop.example";

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["Security:RequireHttps"] = "true",

        // Behind Kestrel's HTTPS endpoint the port is discovered; the test server has none, so name it.
        ["https_port"] = "443",
    });

    [Test]
    public async Task PlainHttp_AnyPage_IsRedirectedToHttps()
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{PublicHost}") });

        using var response = await client.GetAsync("/menu?category=iced");

        Assert.That((int)response.StatusCode, Is.EqualTo(307).Or.EqualTo(308), "a redirect that keeps the method");
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri($"https://{PublicHost}/menu?category=iced")));
    }

    [Test]
    public async Task Https_AnyPage_SendsHsts()
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"https://{PublicHost}") });

        using var response = await client.GetAsync("/menu");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), Is.True, "HSTS header");
        Assert.That(hsts!.Single(), Does.Contain("max-age=31536000").And.Contain("includeSubDomains"));
    }

    [Test]
    public async Task PlainHttp_Response_SendsNoHsts()
    {
        // RFC 6797: HSTS over plain HTTP is ignored by browsers and must not be sent.
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{PublicHost}") });

        using var response = await client.GetAsync("/menu");

        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    [Test]
    public async Task AuthAndAntiforgeryCookies_OverHttps_AreSecure()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var browser = Factory.CreateCookieClient(new CookieContainer(), "https://localhost");

        using var login = await browser.GetAsync("/account/login");
        var antiforgery = SiteSessions.SetCookie(login, SiteSessions.AntiforgeryCookie);
        using var signedIn = await browser.SignInAsync(email);
        var auth = SiteSessions.SetCookie(signedIn, SiteSessions.AuthCookie);

        Assert.That(antiforgery, Is.Not.Null, "antiforgery cookie");
        Assert.That(auth, Is.Not.Null, "auth cookie: signed in over HTTPS");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SiteSessions.CookieAttributes(antiforgery!), Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=strict"));
            Assert.That(SiteSessions.CookieAttributes(auth!), Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=lax"));
        }
    }
}
