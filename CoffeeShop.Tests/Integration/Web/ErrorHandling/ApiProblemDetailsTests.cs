using System.Net;
using System.Net.Http.Headers;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.ErrorHandling;

/// <summary>API routes answer every error with problem details, never the site's HTML error page.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class ApiProblemDetailsTests : IntegrationTestBase
{
    [TestCase("/api/v1/whatever")]
    [TestCase("/api/v1/menu-items/abc")]
    [TestCase("/api/nothing/here")]
    public async Task UnknownApiRoute_Returns404Problem(string url)
    {
        using var response = await Client.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Title, Is.EqualTo("Not Found"));
    }

    [Test]
    public async Task UnknownApiRoute_AcceptingJson_Returns404Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/whatever");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task NotFoundProblem_TraceId_DiffersPerRequest()
    {
        using var first = await Client.GetAsync("/api/v1/menu-items/999999");
        using var second = await Client.GetAsync("/api/v1/menu-items/999999");

        var a = await first.AssertProblemAsync(HttpStatusCode.NotFound);
        var b = await second.AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.That(a.TraceId, Is.Not.EqualTo(b.TraceId));
    }
}
