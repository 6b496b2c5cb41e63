using System.Net;
using System.Net.Http.Json;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>
/// Rate limits switched on by configuration, as an operator would: a tight window on sign-in and token requests
/// and on anonymous callers. Each test gets its own host, so one test's burst does not spend another's budget.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class RateLimitingTests
{
    private const int SignInLimit = 3;
    private const int AnonymousLimit = 5;
    private const int AuthenticatedLimit = 8;

    private CoffeeShopWebFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void StartApp()
    {
        _factory = new CoffeeShopWebFactory(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:SignIn:PermitLimit"] = $"{SignInLimit}",
            ["RateLimiting:SignIn:WindowSeconds"] = "60",
            ["RateLimiting:Anonymous:PermitLimit"] = $"{AnonymousLimit}",
            ["RateLimiting:Anonymous:WindowSeconds"] = "60",
            ["RateLimiting:Authenticated:PermitLimit"] = $"{AuthenticatedLimit}",
            ["RateLimiting:Authenticated:WindowSeconds"] = "60",
        });
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [TearDown]
    public async Task StopAppAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task TokenEndpoint_BurstOverTheSignInLimit_Returns429ProblemWithRetryAfter()
    {
        for (var i = 0; i < SignInLimit; i++)
        {
            using var allowed = await RequestTokenAsync();
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {i + 1} is within the limit");
        }

        using var limited = await RequestTokenAsync();

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60), "Retry-After in seconds, within the window");
    }

    [Test]
    public async Task SitePage_BurstOverTheAnonymousLimit_Returns429FriendlyPageWithRetryAfter()
    {
        await SpendWithinTheLimitAsync(_client, "/menu", AnonymousLimit);

        using var limited = await _client.GetAsync("/menu");

        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 60));
        var page = await limited.ReadHtmlAsync();
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Slow down a little"));
    }

    [Test]
    public async Task HealthReady_FarOverTheAnonymousLimit_IsNeverLimited()
    {
        await SpendWithinTheLimitAsync(_client, "/health/ready", AnonymousLimit * 3);

        // The same caller is limited everywhere else: the probes above spent none of its budget, and the limit is on.
        await SpendWithinTheLimitAsync(_client, "/api/v1/menu-items", AnonymousLimit);

        using var limited = await _client.GetAsync("/api/v1/menu-items");
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task SignedInCaller_AfterAnonymousBudgetIsSpent_HasItsOwnBudget()
    {
        var email = await _factory.CreateUserAsync(AppRoles.Customer);
        using var signedIn = _factory.CreateClientWithToken(await CoffeeShopWebFactory.GetTokenAsync(_client, email));
        for (var i = 0; i < AnonymousLimit; i++)
        {
            using var spent = await _client.GetAsync("/api/v1/menu-items");
        }

        using var anonymous = await _client.GetAsync("/api/v1/menu-items");
        using var user = await signedIn.GetAsync("/api/v1/menu-items");

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the anonymous address is spent");
        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the user is counted by who they are, not by the address");
    }

    [Test]
    public async Task SignedInCaller_BurstOverTheirOwnLimit_IsLimitedWithoutSpendingTheAddressBudget()
    {
        var email = await _factory.CreateUserAsync(AppRoles.Customer);
        using var signedIn = _factory.CreateClientWithToken(await CoffeeShopWebFactory.GetTokenAsync(_client, email));
        await SpendWithinTheLimitAsync(signedIn, "/coffee/hot", AuthenticatedLimit);

        using var user = await signedIn.GetAsync("/coffee/hot");
        using var anonymous = await _client.GetAsync("/coffee/hot");

        await user.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the address's anonymous budget is separate (one token request spent)");
    }

    [Test]
    public async Task CachedRoute_BurstOverTheAnonymousLimit_IsLimitedThoughServedFromTheCache()
    {
        await SpendWithinTheLimitAsync(_client, "/coffee/iced", AnonymousLimit);

        using var limited = await _client.GetAsync("/coffee/iced");

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    /// <summary>Sends <paramref name="count"/> GETs, each of which must still be allowed (200).</summary>
    private static async Task SpendWithinTheLimitAsync(HttpClient client, string route, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var allowed = await client.GetAsync(route);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{route}: request {i + 1} of {count} is within the limit");
        }
    }

    private Task<HttpResponseMessage> RequestTokenAsync() =>
        _client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.local", password = "Wrong-Passw0rd" });
}
