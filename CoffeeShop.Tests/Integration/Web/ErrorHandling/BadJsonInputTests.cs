using System.Globalization;
using System.Net;
using System.Text;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.ErrorHandling;

/// <summary>
/// JSON that parses but holds what no field can: null where an object belongs (in an array or an object), and a
/// lone UTF-16 surrogate escape in a string or a name. Each is a 400 validation problem naming the field, never a 500.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class BadJsonInputTests : IntegrationTestBase
{
    private const string LoneSurrogate = "\\ud800";

    private HttpClient _admin = null!;
    private string _menuItemId = null!;

    [OneTimeSetUp]
    public async Task ArrangeAsync()
    {
        _admin = await Factory.CreateClientAsAsync(AppRoles.Admin);
        _menuItemId = (await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails())).Id.ToString(CultureInfo.InvariantCulture);
    }

    [OneTimeTearDown]
    public void DisposeClient() => _admin.Dispose();

    [TestCase("""{"customerName":"Ann","lines":[null]}""", "lines")]
    [TestCase("""{"customerName":"Ann","lines":[{"menuItemId":1,"quantity":1},null]}""", "lines")]
    [TestCase("""{"customerName":"Ann","lines":[{"menuItemId":null,"quantity":1}]}""", "lines[0].menuItemId")]
    [TestCase("""{"customerName":"Ann","lines":[{"menuItemId":1,"quantity":null}]}""", "lines[0].quantity")]
    [TestCase("""{"customerName":null,"lines":[{"menuItemId":1,"quantity":1}]}""", "customerName")]
    [TestCase("""{"customerName":"Ann","lines":null}""", "lines")]
    [TestCase("""{"customerName":"Ann","lines":[{}]}""", "lines[0].menuItemId")]
    public async Task PlaceOrder_NullWhereAValueBelongs_Returns400NamingTheField(string json, string field)
    {
        using var response = await _admin.PostAsync("/api/v1/orders", Json(json));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Does.Contain(field));
    }

    [TestCase("POST", "/api/v1/orders", "application/json", $$"""{"customerName":"{{LoneSurrogate}}","lines":[{"menuItemId":1,"quantity":1}]}""", "customerName")]
    [TestCase("POST", "/api/v1/orders", "application/json", $$"""{"customerName":"Ann","notes":"a{{LoneSurrogate}}b","lines":[{"menuItemId":1,"quantity":1}]}""", "notes")]
    [TestCase("POST", "/api/v1/auth/token", "application/json", $$"""{"email":"{{LoneSurrogate}}@example.com","password":"x"}""", "email")]
    [TestCase("POST", "/api/v1/api-keys", "application/json", $$"""{"name":"{{LoneSurrogate}}","role":"Customer"}""", "name")]
    [TestCase("POST", "/coffee/hot", "application/json", $$"""{"title":"{{LoneSurrogate}}","description":"","ingredients":["a"],"image":null}""", "title")]
    [TestCase("POST", "/api/v1/menu-items", "application/json", $$"""{"category":"hot","title":"T","description":"","ingredients":["{{LoneSurrogate}}"],"price":1}""", "ingredients")]
    [TestCase("PATCH", "/api/v1/menu-items/{id}", "application/merge-patch+json", $$"""{"title":"{{LoneSurrogate}}"}""", null)]
    [TestCase("PATCH", "/api/v1/menu-items/{id}", "application/merge-patch+json", $$"""{"{{LoneSurrogate}}":1}""", null)]
    [TestCase("PATCH", "/api/v1/menu-items/{id}", "application/json-patch+json", $$"""[{"op":"replace","path":"/title","value":"{{LoneSurrogate}}"}]""", null)]
    [TestCase("PATCH", "/coffee/hot/{id}", "application/json", $$"""{"description":"{{LoneSurrogate}}"}""", null)]
    [TestCase("PUT", "/api/v1/orders/1/status", "application/json", $$"""{"status":"{{LoneSurrogate}}"}""", "status")]
    public async Task Write_LoneSurrogateEscape_Returns400(string method, string url, string mediaType, string json, string? field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", _menuItemId, StringComparison.Ordinal))
        {
            Content = Json(json, mediaType),
        };

        using var response = await _admin.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.That(problem.Errors.Keys, Has.Some.StartsWith("$." + field).Or.Some.StartsWith(field));
        }
    }

    private static StringContent Json(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);
}
