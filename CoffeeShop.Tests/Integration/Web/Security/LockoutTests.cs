using System.Net;
using System.Net.Http.Json;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>
/// Five failed sign-ins lock an account for 15 minutes, on the login page and the token endpoint alike (one
/// counter): the right password is refused until then, and the person is told why.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class LockoutTests : IntegrationTestBase
{
    private const string WrongPassword = "Wrong-Passw0rd";
    private static readonly string Lockout = AccountController.LockoutMessage(15);

    [Test]
    public async Task TokenEndpoint_FiveWrongPasswordsThenTheRightOne_Returns401WithTheLockoutDetail()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await RequestTokenAsync(email, WrongPassword);
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var right = await RequestTokenAsync(email, CoffeeShopWebFactory.DefaultPassword);

        var problem = await right.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.Detail, Is.EqualTo(Lockout));
    }

    [Test]
    public async Task TokenEndpoint_FourWrongPasswordsThenTheRightOne_IssuesAToken()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await RequestTokenAsync(email, WrongPassword);
        }

        using var right = await RequestTokenAsync(email, CoffeeShopWebFactory.DefaultPassword);

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the fifth failure locks, not the fourth");
    }

    [Test]
    public async Task LoginPage_FiveWrongPasswordsThenTheRightOne_ShowsTheLockoutMessage()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.SignInAsync(email, WrongPassword);
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a failed sign-in shows the form again");
        }

        using var right = await browser.SignInAsync(email, CoffeeShopWebFactory.DefaultPassword);

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no redirect: not signed in");
        Assert.That(SiteSessions.SetCookie(right, SiteSessions.AuthCookie), Is.Null, "no auth cookie");
        var page = await right.ReadHtmlAsync();
        Assert.That(page.QuerySelector("[role='alert']")?.TextContent, Does.Contain(Lockout));
    }

    [Test]
    public async Task LoginPage_WrongPassword_SaysTheyDoNotMatchWithoutNamingWhich()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var browser = Factory.CreateCookieClient(new CookieContainer());

        using var wrong = await browser.SignInAsync(email, WrongPassword);

        var page = await wrong.ReadHtmlAsync();
        Assert.That(page.QuerySelector("[role='alert']")?.TextContent, Does.Contain("That email and password don't match an account."));
    }

    [Test]
    public async Task PageAndTokenFailures_AddUp_ToOneLockout()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        for (var i = 0; i < 3; i++)
        {
            using var onPage = await browser.SignInAsync(email, WrongPassword);
        }

        for (var i = 0; i < 2; i++)
        {
            using var onApi = await RequestTokenAsync(email, WrongPassword);
        }

        using var right = await RequestTokenAsync(email, CoffeeShopWebFactory.DefaultPassword);

        var problem = await right.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.Detail, Is.EqualTo(Lockout));
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string email, string password) =>
        Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
}
