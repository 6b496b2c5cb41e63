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

    [TestCase("post", "/api/v1/menu-items", "category,description,ingredients,title")]
    [TestCase("put", "/api/v1/menu-items/{id}", "category,description,image,ingredients,isAvailable,title")]
    [TestCase("post", "/coffee/{category}", "description,image,ingredients,title")]
    [TestCase("put", "/coffee/{category}/{id}", "description,image,ingredients,title")]
    public async Task OpenApiDocument_WriteBodies_ListTheirRequiredFields(string method, string path, string required)
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi.json");

        var schema = Resolve(document, document.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        Assert.That(schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal), Is.EqualTo(required.Split(',')));
        Assert.That(schema.GetProperty("properties").GetProperty("title").GetProperty("type").ToString(), Does.Not.Contain("null"), "title may not be null");
        if (schema.GetProperty("properties").TryGetProperty("image", out var image))
        {
            Assert.That(image.GetProperty("type").ToString(), Does.Contain("null"), "image may be null");
        }
    }

    [Test]
    public async Task OpenApiDocument_SizesAndOptions_AreShownByExamples()
    {
        var paths = (await Client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("paths");

        var order = paths.GetProperty("/api/v1/orders").GetProperty("post");
        var orderLine = order.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("lines")[0];
        var placed = order.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var item = paths.GetProperty("/api/v1/menu-items/{id}").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("example");
        var group = paths.GetProperty("/api/v1/option-groups").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("example");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(orderLine.GetProperty("size").GetString(), Is.EqualTo("large"));
            Assert.That(orderLine.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("code").GetString()), Is.EqualTo(new[] { "oat-milk", "extra-shot", "vanilla-syrup" }));
            Assert.That(placed.GetProperty("total").GetDecimal(), Is.EqualTo(8.90m));
            Assert.That(item.GetProperty("sizes").GetArrayLength(), Is.EqualTo(3));
            Assert.That(item.GetProperty("optionGroups")[0].GetProperty("code").GetString(), Is.EqualTo("milk"));
            Assert.That(group.GetProperty("options").GetArrayLength(), Is.GreaterThan(1));
        }
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

    [TestCase("/redoc/index.html", "/redoc/index.js")]
    [TestCase("/docs/index.html", "/docs/index.js")]
    public async Task DocumentationPage_HtmlAndConfig_NameNoOtherHost(string page, string config)
    {
        using var client = Factory.CreateClient();
        var html = await client.GetStringAsync(page);
        var script = await client.GetStringAsync(config);

        // Comments in the UI's script cite their sources; only code can make the browser fetch.
        var code = System.Text.RegularExpressions.Regex.Replace(script, @"/\*.*?\*/|^\s*//.*$", string.Empty, System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.Multiline);
        var urls = System.Text.RegularExpressions.Regex.Matches(html + code, @"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s""'<>)]*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Select(m => m.Value);

        Assert.That(urls, Is.Empty, "the page and its configuration load nothing from another host");
    }

    [TestCase("/redoc/index.html")]
    [TestCase("/docs/index.html")]
    public async Task DocumentationPage_Csp_AllowsNoOtherHost(string page)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(page);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp.Split(';').SelectMany(d => d.Trim().Split(' ').Skip(1)), Has.None.Contains("http").And.None.Contains("*").And.None.Contains("."), csp);
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
    /// <summary>
    /// The status codes each operation listed before its responses came from shared conventions (one attribute per
    /// status and action, until then): the document may list more, never fewer.
    /// </summary>
    private static readonly Dictionary<string, int[]> StatusCodesListedBeforeTheConventions = new()
    {
        ["get /api/v1/api-keys"] = [200, 401, 403],
        ["post /api/v1/api-keys"] = [201, 400, 401, 403],
        ["get /api/v1/api-keys/{id}"] = [200, 401, 403, 404],
        ["delete /api/v1/api-keys/{id}"] = [204, 401, 403, 404],
        ["post /api/v1/auth/token"] = [200, 400, 401, 429],
        ["get /coffee/{category}"] = [200, 400, 404],
        ["post /coffee/{category}"] = [201, 400, 401, 403, 404, 409, 415],
        ["get /coffee/{category}/{id}"] = [200, 404],
        ["put /coffee/{category}/{id}"] = [200, 400, 401, 403, 404, 409, 412, 415],
        ["patch /coffee/{category}/{id}"] = [200, 400, 401, 403, 404, 409, 412, 415],
        ["delete /coffee/{category}/{id}"] = [200, 401, 403, 404, 412],
        ["get /api/v1/menu-items"] = [200, 400],
        ["post /api/v1/menu-items"] = [201, 400, 409, 415],
        ["get /api/v1/menu-items/{id}"] = [200, 304, 404],
        ["put /api/v1/menu-items/{id}"] = [200, 400, 404, 409, 412],
        ["patch /api/v1/menu-items/{id}"] = [200, 400, 404, 409, 412],
        ["delete /api/v1/menu-items/{id}"] = [204, 404, 412],
        ["post /api/v1/orders"] = [201, 400, 401, 415, 422],
        ["get /api/v1/orders"] = [200, 400, 401],
        ["get /api/v1/orders/{id}"] = [200, 401, 404],
        ["post /api/v1/orders/{id}/cancel"] = [200, 401, 404, 409],
        ["put /api/v1/orders/{id}/status"] = [200, 400, 401, 403, 404, 409],
    };

    [Test]
    public async Task OpenApiDocument_EveryOperation_ListsAtLeastTheStatusCodesItListedBefore()
    {
        var operations = Operations(await Client.GetFromJsonAsync<JsonElement>("/openapi.json"));

        using (Assert.EnterMultipleScope())
        {
            foreach (var (operation, before) in StatusCodesListedBeforeTheConventions)
            {
                Assert.That(operations, Does.ContainKey(operation));
                Assert.That(Responses(operations[operation]), Is.SupersetOf(before.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))), operation);
            }
        }
    }

    [Test]
    public async Task OpenApiDocument_EveryProtectedOperation_Lists401AndEveryRoleOperation403AsProblemDetails()
    {
        var operations = Operations(await Client.GetFromJsonAsync<JsonElement>("/openapi.json"));

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, operation) in operations.Where(o => o.Value.TryGetProperty("security", out _)))
            {
                Assert.That(Responses(operation), Does.Contain("401"), name);
                Assert.That(operation.GetProperty("responses").GetProperty("401").GetProperty("content").TryGetProperty("application/problem+json", out _), Is.True, name);
                var needsRole = operation.TryGetProperty("description", out var description) && description.GetString()!.Contains("Requires role", StringComparison.Ordinal);
                Assert.That(Responses(operation).Contains("403"), Is.EqualTo(needsRole), $"{name}: 403 exactly where a role is required");
            }

            Assert.That(Responses(operations["delete /api/v1/menu-items/{id}"]), Does.Contain("403"), "an admin operation");
            Assert.That(Responses(operations["get /api/v1/orders"]), Does.Not.Contain("403"), "any signed-in caller");
        }
    }

    [Test]
    public async Task OpenApiDocument_EveryOperationWithABody_Lists400And413And415()
    {
        var operations = Operations(await Client.GetFromJsonAsync<JsonElement>("/openapi.json"));

        foreach (var (name, operation) in operations.Where(o => o.Value.TryGetProperty("requestBody", out _)))
        {
            Assert.That(Responses(operation), Is.SupersetOf(new[] { "400", "413", "415" }), name);
        }
    }

    [TestCase("patch /api/v1/menu-items/{id}", "application/merge-patch+json", "application/json-patch+json")]
    [TestCase("patch /coffee/{category}/{id}", "application/json", "application/merge-patch+json")]
    [TestCase("post /api/v1/orders", "application/json")]
    [TestCase("post /api/v1/auth/token", "application/json")]
    public async Task OpenApiDocument_RequestBody_ListsExactlyTheMediaTypesTheEndpointsTake(string operation, params string[] mediaTypes)
    {
        var operations = Operations(await Client.GetFromJsonAsync<JsonElement>("/openapi.json"));

        var listed = operations[operation].GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name);

        Assert.That(listed, Is.EquivalentTo(mediaTypes));
    }

    private static Dictionary<string, JsonElement> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name} {path.Name}", operation.Value)))
            .ToDictionary(o => o.Name, o => o.Value);

    private static List<string> Responses(JsonElement operation) =>
        [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name)];

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
