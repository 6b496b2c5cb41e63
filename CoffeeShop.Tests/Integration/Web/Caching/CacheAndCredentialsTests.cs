using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.Caching;

/// <summary>
/// The output cache answers before authentication, so it must only ever answer requests that carry no credentials:
/// a signed-in person or an API client always gets a response made for them, and nothing made for them is stored.
/// A response served from the cache carries an <c>Age</c> header; one made for the request does not.
/// </summary>
public sealed class CacheAndCredentialsTests : IntegrationTestBase
{
    [TestCase("/menu")]
    [TestCase("/coffee/hot")]
    [TestCase("/api/v1/menu-items")]
    public async Task AnonymousGet_Repeated_IsServedFromTheCache(string route)
    {
        using var first = await Client.GetAsync(route);
        using var second = await Client.GetAsync(route);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.Headers.Age, Is.Not.Null, "the repeat comes from the cache");
    }

    [Test]
    public async Task SignedInPerson_AfterAnonymousVisitorsFilledTheCache_SeesTheirOwnPage()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var person = await Factory.CreateSignedInClientAsync(email);
        await WarmAsync("/menu?category=iced");

        using var response = await person.GetAsync("/menu?category=iced");
        var page = await response.ReadHtmlAsync();

        Assert.That(response.Headers.Age, Is.Null, "made for the person, not taken from the cache");
        Assert.That(page.QuerySelector("[data-testid='account-name']")?.TextContent, Is.EqualTo(email));
    }

    [Test]
    public async Task SignedInPersonsPage_IsNeverStoredForAnonymousVisitors()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var person = await Factory.CreateSignedInClientAsync(email);
        using (var personal = await person.GetAsync("/menu?search=latte"))
        {
            Assert.That(personal.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var anonymous = await Client.GetHtmlAsync("/menu?search=latte");

        Assert.That(anonymous.QuerySelector("[data-testid='account-name']"), Is.Null);
        Assert.That(anonymous.Body!.TextContent, Does.Not.Contain(email));
    }

    [Test]
    public async Task BearerCaller_AfterAnonymousCallersFilledTheCache_GetsAFreshResponse()
    {
        using var customer = await Factory.CreateClientAsAsync(AppRoles.Customer);
        await WarmAsync("/coffee/iced");

        using var response = await customer.GetAsync("/coffee/iced");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Age, Is.Null);
    }

    [Test]
    public async Task ApiKeyCaller_AfterAnonymousCallersFilledTheCache_GetsAFreshResponse()
    {
        using var admin = await Factory.CreateClientAsAsync(AppRoles.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Cache check", role = AppRoles.Customer });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        await WarmAsync("/api/v1/menu-items?category=hot");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/menu-items?category=hot");
        request.Headers.Add(AuthSchemes.ApiKeyHeader, key);
        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Age, Is.Null);
    }

    [Test]
    public async Task InvalidBearerToken_OnACachedRoute_IsAnsweredAsAnonymousButNotFromTheCache()
    {
        await WarmAsync("/coffee/hot");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/coffee/hot");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the route is public; a bad token makes the caller anonymous");
        Assert.That(response.Headers.Age, Is.Null, "a request with credentials is never answered from the cache");
    }

    private async Task WarmAsync(string route)
    {
        using var first = await Client.GetAsync(route);
        using var second = await Client.GetAsync(route);
        Assert.That(second.Headers.Age, Is.Not.Null, $"{route} should be cached for anonymous callers");
    }
}
