using System.Net;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Startup;

/// <summary>
/// In Development, as `dotnet run` starts it, an unknown path is 404 for every method (the static assets'
/// development fallback would otherwise answer POST, PUT and DELETE to any path with 405), while static files
/// and routing's real 405s stay as they are.
/// </summary>
public sealed class DevelopmentRoutingTests : IntegrationTestBase
{
    protected override CoffeeShopWebFactory CreateFactory() => new(environment: "Development");

    [TestCase("POST", "/api/v1/nothing")]
    [TestCase("DELETE", "/api/v1/nothing")]
    [TestCase("PUT", "/api/v1/nothing/else")]
    public async Task UnknownApiPath_AnyMethod_Returns404Problem(string method, string path)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("POST")]
    [TestCase("DELETE")]
    public async Task UnknownPagePath_AnyMethod_Returns404(string method)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/no-such-page"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task KnownPathWithTheWrongMethod_Returns405()
    {
        using var response = await Client.DeleteAsync("/api/v1/auth/token");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Test]
    public async Task StaticFile_IsServed()
    {
        using var response = await Client.GetAsync("/css/site.css");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
