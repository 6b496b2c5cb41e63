using System.Net;
using System.Text;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>A body over <c>Security:MaxRequestBodyBytes</c> is refused with 413 before anything reads it.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class RequestBodyLimitTests : IntegrationTestBase
{
    private const int Limit = 2048;

    private HttpClient _customer = null!;

    protected override CoffeeShopWebFactory CreateFactory() =>
        new(new Dictionary<string, string?> { ["Security:MaxRequestBodyBytes"] = $"{Limit}" });

    [OneTimeSetUp]
    public async Task SignInAsync() => _customer = await Factory.CreateClientAsAsync(AppRoles.Customer);

    [OneTimeTearDown]
    public void DisposeClient() => _customer?.Dispose();

    [Test]
    public async Task ApiPost_BodyOverTheLimit_Returns413Problem()
    {
        using var response = await _customer.PostAsync("/api/v1/orders", OrderBody(notesLength: Limit));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task ApiPost_BodyUnderTheLimit_IsRead()
    {
        // The control: the same request, small enough, reaches validation (notes over 500 characters are a 400).
        using var response = await _customer.PostAsync("/api/v1/orders", OrderBody(notesLength: 600));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Does.Contain("notes"));
    }

    [Test]
    public async Task TokenRequest_BodyOverTheLimit_Returns413Problem()
    {
        var json = $$"""{"email":"a@b.c","password":"{{new string('p', Limit)}}"}""";

        using var response = await Client.PostAsync("/api/v1/auth/token", new StringContent(json, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task FormPost_BodyOverTheLimit_Returns413Page()
    {
        using var response = await Client.PostAsync("/account/login", new FormUrlEncodedContent([new("Email", new string('e', Limit))]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    private static StringContent OrderBody(int notesLength)
    {
        var json = $$"""{"customerName":"Ann","notes":"{{new string('n', notesLength)}}","lines":[{"menuItemId":1,"quantity":1}]}""";
        return new StringContent(json, Encoding.UTF8, "application/json");
    }
}
