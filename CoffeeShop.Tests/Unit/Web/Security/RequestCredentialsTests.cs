using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Http;

namespace CoffeeShop.Tests.Unit.Web.Security;

/// <summary>What makes a request "possibly signed in", which keeps it away from the output cache.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class RequestCredentialsTests
{
    [TestCase("Authorization", "Bearer abc")]
    [TestCase("Authorization", "Basic dXNlcjpwYXNz")]
    [TestCase("X-Api-Key", "cs_abc_def")]
    [TestCase("Cookie", "CoffeeShop.Auth=chunk")]
    [TestCase("Cookie", "theme=dark; CoffeeShop.AuthC1=chunk")]
    [TestCase("Cookie", "CoffeeShop.Antiforgery=a; CoffeeShop.Auth=b")]
    public void Present_WithACredential_IsTrue(string header, string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;

        Assert.That(RequestCredentials.Present(context), Is.True);
    }

    [TestCase(null, null)]
    [TestCase("Cookie", "CoffeeShop.Antiforgery=token")]
    [TestCase("Cookie", "theme=dark")]
    [TestCase("Accept", "application/json")]
    public void Present_WithoutACredential_IsFalse(string? header, string? value)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[header] = value;
        }

        Assert.Multiple(() =>
        {
            Assert.That(RequestCredentials.Present(context), Is.False);
            Assert.That(RequestCredentials.Absent(context), Is.True);
        });
    }
}
