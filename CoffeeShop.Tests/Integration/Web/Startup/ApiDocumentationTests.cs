using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Startup;

[TestFixture]
[Category(TestCategories.Integration)]
public sealed class ApiDocumentationTests : IntegrationTestBase
{
    [TestCase("/openapi.json")]
    [TestCase("/openapi/v1.json")]
    public async Task OpenApiDocument_Get_DescribesTheCoffeeAndMenuItemRoutes(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.GetProperty("openapi").GetString(), Does.StartWith("3."));
            Assert.That(document.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("CoffeeShop API"));
            Assert.That(paths, Does.Contain("/coffee/{category}"));
            Assert.That(paths, Does.Contain("/coffee/{category}/{id}"));
            Assert.That(paths, Does.Contain("/api/v1/menu-items"));
            Assert.That(paths, Does.Contain("/api/v1/menu-items/{id}"));
        }
    }

    [Test]
    public async Task OpenApiDocument_BothUrls_ServeTheSameDocument()
    {
        var short1 = await Client.GetFromJsonAsync<JsonElement>("/openapi.json");
        var versioned = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.That(short1.GetProperty("paths").GetRawText(), Is.EqualTo(versioned.GetProperty("paths").GetRawText()));
    }

    [Test]
    public async Task OpenApiDocument_ListsNoHeadTwinOfEachGet()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name} {path.Name}"))
            .ToList();

        Assert.That(operations, Does.Contain("get /coffee/{category}"));
        Assert.That(operations, Has.None.StartsWith("head "), "every GET also answers HEAD: a HEAD operation would only repeat it");
    }

    [TestCase("/docs", "swagger-ui")]
    [TestCase("/redoc", "redoc")]
    public async Task DocumentationPage_Get_Returns200Html(string url, string marker)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(marker).IgnoreCase);
    }

    [Test]
    public async Task OpenApiDocument_DescribesBothSecuritySchemesAndWhichOperationsNeedThem()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var paths = document.GetProperty("paths");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schemes.GetProperty("Bearer").GetProperty("type").GetString(), Is.EqualTo("http"));
            Assert.That(schemes.GetProperty("Bearer").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(schemes.GetProperty("ApiKey").GetProperty("type").GetString(), Is.EqualTo("apiKey"));
            Assert.That(schemes.GetProperty("ApiKey").GetProperty("in").GetString(), Is.EqualTo("header"));
            Assert.That(schemes.GetProperty("ApiKey").GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));

            var placeOrder = paths.GetProperty("/api/v1/orders").GetProperty("post");
            Assert.That(placeOrder.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)), Is.EquivalentTo(new[] { "Bearer", "ApiKey" }));
            var listCoffee = paths.GetProperty("/coffee/{category}").GetProperty("get");
            Assert.That(listCoffee.TryGetProperty("security", out _), Is.False, "an anonymous route asks for no credentials");
        }
    }
}
