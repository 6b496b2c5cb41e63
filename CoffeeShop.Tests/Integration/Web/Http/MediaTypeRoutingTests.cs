using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Web.Http;

/// <summary>
/// Endpoints chosen by Content-Type: a request no endpoint of the route takes is a 415 problem naming what it takes,
/// with or without a Content-Type, and only after authorization, so a protected route tells a caller without
/// credentials 401 and nothing else. Every endpoint that declares media types is found from the app's own routes.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class MediaTypeRoutingTests : IntegrationTestBase
{
    private HttpClient _admin = null!;
    private HttpClient _customer = null!;
    private string _menuItemId = null!;

    /// <summary>A method and URL for each route endpoint that takes only some media types, placeholders filled.</summary>
    private sealed record BodyEndpoint(string Method, string Url, IReadOnlyList<string> Accepted, bool Anonymous, string Roles)
    {
        public override string ToString() => $"{Method} {Url}";
    }

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _admin = await Factory.CreateClientAsAsync(AppRoles.Admin);
        _customer = await Factory.CreateClientAsAsync(AppRoles.Customer);
        _menuItemId = (await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails())).Id.ToString(CultureInfo.InvariantCulture);
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        _admin.Dispose();
        _customer.Dispose();
    }

    [Test]
    public async Task Patch_NoContentTypeOnARouteWithTwoPatchFormats_Returns415ListingBoth()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/menu-items/{_menuItemId}") { Content = new ByteArrayContent("{}"u8.ToArray()) };

        using var response = await _admin.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var accepted = problem.Json.GetProperty("acceptedMediaTypes").EnumerateArray().Select(t => t.GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted, Is.EquivalentTo(new[] { "application/merge-patch+json", "application/json-patch+json" }));
            Assert.That(problem.Detail, Does.Contain("application/merge-patch+json").And.Contain("application/json-patch+json"));
            Assert.That(response.Headers.GetValues("Accept-Patch").Single(), Does.Contain("application/json-patch+json"));
        }
    }

    [Test]
    public async Task EveryRouteWithSeveralMediaTypeEndpoints_NoContentType_Returns415()
    {
        var shared = BodyEndpoints().GroupBy(e => e.ToString()).Where(g => g.Count() > 1).Select(g => g.First()).ToList();
        Assert.That(shared, Is.Not.Empty, "PATCH /api/v1/menu-items/{id} at least");

        foreach (var endpoint in shared)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url) { Content = new ByteArrayContent("{}"u8.ToArray()) };
            using var response = await _admin.SendAsync(request);
            await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }
    }

    [TestCase(null)]
    [TestCase("text/plain")]
    [TestCase("application/xml")]
    public async Task EveryBodyEndpoint_AdminWithAMediaTypeItDoesNotTake_Returns415ListingWhatItTakes(string? contentType)
    {
        foreach (var endpoint in BodyEndpoints())
        {
            using var response = await _admin.SendAsync(Request(endpoint, contentType));

            var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
            Assert.That(problem.Detail, Does.Contain(endpoint.Accepted[0]), endpoint.ToString());
        }
    }

    [TestCase(null)]
    [TestCase("text/plain")]
    [TestCase("application/json")]
    public async Task EveryProtectedBodyEndpoint_WithoutCredentials_Returns401BeforeLookingAtTheBody(string? contentType)
    {
        var protectedEndpoints = BodyEndpoints().Where(e => !e.Anonymous).ToList();
        Assert.That(protectedEndpoints, Is.Not.Empty);

        foreach (var endpoint in protectedEndpoints)
        {
            using var response = await Client.SendAsync(Request(endpoint, contentType, "{\"lines\":[null]}"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), endpoint.ToString());
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Test]
    public async Task EveryAdminBodyEndpoint_CustomerWithAWrongMediaType_Returns403()
    {
        foreach (var endpoint in BodyEndpoints().Where(e => e.Roles.Contains(AppRoles.Admin, StringComparison.Ordinal)))
        {
            using var response = await _customer.SendAsync(Request(endpoint, "text/plain"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), endpoint.ToString());
        }
    }

    [Test]
    public async Task AnonymousBodyEndpoint_WrongMediaType_Returns415ToAnyone()
    {
        using var response = await Client.PostAsync("/api/v1/auth/token", new StringContent("{}", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task WrongMethod_WithoutCredentials_Returns405AsRoutingFact()
    {
        using var response = await Client.PostAsync($"/api/v1/menu-items/{_menuItemId}", new StringContent("{}", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.That(response.Content.Headers.Allow, Does.Contain("PUT"));
    }

    private static HttpRequestMessage Request(BodyEndpoint endpoint, string? contentType, string body = "{}")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url) { Content = content };
    }

    private static IReadOnlyList<string>? Accepted(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().LastOrDefault(m => m.ContentTypes.Count > 0)?.ContentTypes;

    private List<BodyEndpoint> BodyEndpoints() =>
        [.. Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => Accepted(e) is not null)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(method => new BodyEndpoint(
                method,
                "/" + e.RoutePattern.RawText!.TrimStart('/')
                    .Replace("{id:int}", _menuItemId, StringComparison.Ordinal)
                    .Replace("{category}", "hot", StringComparison.Ordinal),
                Accepted(e)!,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                string.Join(",", e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Roles))))),];
}

/// <summary>
/// The same rules when routing's own Content-Type policy is registered again after the app's (AddGrpc and AddSignalR
/// call AddRouting): it must stay off the API's endpoints.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class MediaTypeRoutingWithRoutingRegisteredAgainTests : IntegrationTestBase
{
    [Test]
    public void FrameworkPolicy_RegisteredAgain_IsPresent()
    {
        var policies = Factory.Services.GetServices<MatcherPolicy>().Select(p => p.GetType().Name);

        Assert.That(policies, Does.Contain("AcceptsMatcherPolicy").And.Contain("MediaTypeMatcherPolicy"), "the situation this fixture is about");
    }

    [Test]
    public async Task Patch_NoContentType_Returns415()
    {
        using var admin = await Factory.CreateClientAsAsync(AppRoles.Admin);
        var id = (await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails())).Id;
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/menu-items/{id}") { Content = new ByteArrayContent("{}"u8.ToArray()) };

        using var response = await admin.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task ProtectedPost_WrongContentTypeWithoutCredentials_Returns401()
    {
        using var response = await Client.PostAsync("/api/v1/orders", new StringContent("{}", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    protected override CoffeeShopWebFactory CreateFactory() => new RoutingRegisteredAgainFactory();

    private sealed class RoutingRegisteredAgainFactory : CoffeeShopWebFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddRouting());
        }
    }
}
