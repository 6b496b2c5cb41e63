using System.Net;
using System.Text;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>
/// Errors, forced every way a client can (bad JSON, wrong types, unknown routes and methods) and a server failure
/// whose exception is full of internals: no response body carries a stack trace, an exception type, SQL or a path.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class ErrorLeakTests
{
    /// <summary>What the failing database says: SQL, the provider's name and a source path, all of which must stay inside.</summary>
    private const string InternalDetail =
        "SQLite Error 1: 'no such table: MenuItems'. SELECT \"m\".\"Id\" FROM \"MenuItems\" AS \"m\" " +
        "(/work/CoffeeShop.Data/Repositories/MenuItemRepository.cs:line 42)";

    private static readonly string[] Leaks = ["   at ", "Exception", "SELECT ", "SQLite", "/work/", ".cs:line", "no such table"];

    private CoffeeShopWebFactory _factory = null!;
    private WebApplicationFactory<Program> _broken = null!;
    private HttpClient _customer = null!;
    private HttpClient _brokenClient = null!;

    [OneTimeSetUp]
    public async Task StartAppsAsync()
    {
        _factory = new CoffeeShopWebFactory();
        _customer = await _factory.CreateClientAsAsync(AppRoles.Customer);

        // The same app whose menu repository fails the way a broken database would.
        var failing = new Mock<IMenuItemRepository>();
        var error = new SqliteException(InternalDetail, 1);
        failing.Setup(r => r.FindAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);
        failing.Setup(r => r.ListAsync(It.IsAny<MenuItemQuery>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);
        failing.Setup(r => r.ListByCategoryAsync(It.IsAny<MenuCategory>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);
        failing.Setup(r => r.FindManyAsync(It.IsAny<IReadOnlyCollection<int>>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);
        _broken = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped(_ => failing.Object)));
        _brokenClient = _broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [OneTimeTearDown]
    public async Task StopAppsAsync()
    {
        _customer.Dispose();
        _brokenClient.Dispose();
        await _broken.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [TestCase("{\"customerName\": \"Ann\", \"lines\": [", TestName = "OrdersApi_MalformedJson_Returns400WithoutInternals")]
    [TestCase("{\"customerName\": 5, \"lines\": \"two lattes\"}", TestName = "OrdersApi_WrongTypes_Returns400WithoutInternals")]
    [TestCase("{\"customerName\": \"Ann\", \"lines\": [{\"menuItemId\": \"one\", \"quantity\": 1.5}]}", TestName = "OrdersApi_WrongTypesInALine_Returns400WithoutInternals")]
    [TestCase("[1, 2, 3]", TestName = "OrdersApi_ArrayForAnObject_Returns400WithoutInternals")]
    public async Task OrdersApi_UnreadableBody_Returns400WithoutInternals(string json)
    {
        using var response = await _customer.PostAsync("/api/v1/orders", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        await AssertNoLeakAsync(response);
    }

    [Test]
    public async Task OrdersApi_WrongContentType_Returns415WithoutInternals()
    {
        using var response = await _customer.PostAsync("/api/v1/orders", new StringContent("customerName=Ann", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertNoLeakAsync(response);
    }

    [TestCase("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/menu-items/abc", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/menu-items/999999", HttpStatusCode.NotFound)]
    [TestCase("/coffee/tea", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/orders?status=Brewing", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/menu-items?page=-1&pageSize=100000", HttpStatusCode.BadRequest)]
    public async Task ApiGet_ClientError_ReturnsProblemWithoutInternals(string url, HttpStatusCode status)
    {
        using var response = await _customer.GetAsync(url);

        await response.AssertProblemAsync(status);
        await AssertNoLeakAsync(response);
    }

    [Test]
    public async Task ApiDelete_MethodNotAllowed_Returns405WithoutInternals()
    {
        using var response = await _customer.DeleteAsync("/api/v1/auth/token");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        await AssertNoLeakAsync(response);
    }

    [TestCase("/api/v1/auth/token", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("/api/v1/orders", HttpStatusCode.Unauthorized)]
    [TestCase("/api/v1/menu-items", HttpStatusCode.Unauthorized)]
    public async Task ApiPost_AnonymousWithWrongContentType_ReturnsProblemAuthenticationFirst(string url, HttpStatusCode status)
    {
        using var anonymous = _factory.CreateClient();

        using var response = await anonymous.PostAsync(url, new StringContent("email=a@b.c", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(status);
        await AssertNoLeakAsync(response);
    }

    [Test]
    public async Task ApiPost_SignedInWithWrongContentType_Returns415Problem()
    {
        using var response = await _customer.PostAsync("/api/v1/orders", new StringContent("email=a@b.c", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertNoLeakAsync(response);
    }

    [Test]
    public async Task UnknownPage_Anonymous_Returns404PageNotASignInRedirect()
    {
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/no/such/page");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("We couldn't find that page"));
    }

    [TestCase("/no-such-page")]
    [TestCase("/menu/999999")]
    [TestCase("/orders/not-a-real-code")]
    public async Task SitePage_Unknown_Returns404PageWithoutInternals(string url)
    {
        using var response = await _customer.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await AssertNoLeakAsync(response);
    }

    [TestCase("/api/v1/menu-items")]
    [TestCase("/api/v1/menu-items/1")]
    [TestCase("/coffee/hot")]
    public async Task ApiGet_ServerFailure_Returns500ProblemWithoutInternals(string url)
    {
        using var response = await _brokenClient.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.That(problem.Detail, Does.Contain("traceId"), "the client is told what to quote, and nothing else");
        await AssertNoLeakAsync(response);
    }

    [TestCase("/menu")]
    [TestCase("/menu/1")]
    [TestCase("/order")]
    public async Task SitePage_ServerFailure_Returns500PageWithoutInternals(string url)
    {
        using var response = await _brokenClient.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var page = await response.ReadHtmlAsync();
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo("Something went wrong on our side"));
        await AssertNoLeakAsync(response);
    }

    private static async Task AssertNoLeakAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        using (Assert.EnterMultipleScope())
        {
            foreach (var leak in Leaks)
            {
                Assert.That(body, Does.Not.Contain(leak), $"the body gives away '{leak}'");
                Assert.That(headers, Does.Not.Contain(leak), $"a header gives away '{leak}'");
            }
        }
    }
}
