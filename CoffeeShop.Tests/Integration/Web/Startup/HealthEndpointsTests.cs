using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Startup;

[TestFixture]
[Category(TestCategories.Integration)]
public sealed class HealthEndpointsTests : IntegrationTestBase
{
    [Test]
    public async Task Live_Get_Returns200HealthyJson()
    {
        using var response = await Client.GetAsync("/health/live");

        var body = await ReadHealthyAsync(response);
        Assert.That(body.GetProperty("checks").GetArrayLength(), Is.Zero, "liveness checks nothing but the process");
    }

    [Test]
    public async Task Ready_MigratedDatabase_Returns200HealthyJsonWithTheDatabaseCheck()
    {
        using var response = await Client.GetAsync("/health/ready");

        var body = await ReadHealthyAsync(response);
        var checks = body.GetProperty("checks").EnumerateArray().ToList();
        Assert.That(checks.Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString())), Is.EqualTo(new[] { ("database", "Healthy") }));
    }

    [Test]
    public async Task Ready_Response_IsNotCached()
    {
        using var response = await Client.GetAsync("/health/ready");

        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    private static async Task<JsonElement> ReadHealthyAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        return body;
    }
}
