using System.Net;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.GraphQL;

/// <summary>/graphql is limited per caller by the app's rate limiter, and a refusal reads as a GraphQL error.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GraphQLRateLimitTests : IntegrationTestBase
{
    private const int Limit = 3;

    private HttpClient _customer = null!;

    // Signed in first: the token request itself counts against this address's anonymous limit.
    [OneTimeSetUp]
    public async Task SignInAsync() => _customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

    [OneTimeTearDown]
    public void SignOut() => _customer.Dispose();

    [Test]
    public async Task Anonymous_OverTheLimit_Is429WithRateLimitedAndRetryAfter()
    {
        for (var i = 0; i < Limit; i++)
        {
            await Client.GraphQLAsync("{ menuItem(id: 1) { id } }");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}") };
        request.Content.Headers.ContentType = new("application/json");
        using var response = await Client.SendAsync(request);
        var answer = new GraphQLAnswer(response.StatusCode, null, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(answer.Codes, Is.EqualTo(new[] { "RATE_LIMITED" }));
    }

    [Test]
    public async Task SignedInCaller_HasALimitOfTheirOwn()
    {
        var answer = await _customer.GraphQLAsync("{ myOrders { totalCount } }");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), "a signed-in caller is counted apart from the anonymous callers of the same address");
    }

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Anonymous:PermitLimit"] = $"{Limit}",
        ["RateLimiting:Anonymous:WindowSeconds"] = "600",
        ["RateLimiting:Authenticated:PermitLimit"] = "100",
        ["RateLimiting:Authenticated:WindowSeconds"] = "600",
    });
}
