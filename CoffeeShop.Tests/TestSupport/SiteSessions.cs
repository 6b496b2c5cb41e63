using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// People on the site: a client that keeps its cookies in a container the test can read, and sign-in
/// through the real login form (antiforgery token included), as a browser without JavaScript would.
/// </summary>
public static class SiteSessions
{
    public const string AuthCookie = CoffeeShop.Web.Security.RequestCredentials.CookieName;
    public const string AntiforgeryCookie = "CoffeeShop.Antiforgery";

    /// <summary>A client that keeps cookies in <paramref name="cookies"/> and does not follow redirects.</summary>
    public static HttpClient CreateCookieClient(this CoffeeShopWebFactory factory, CookieContainer cookies, string baseAddress = "http://localhost")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateDefaultClient(new Uri(baseAddress), new CookieContainerHandler(cookies));
    }

    /// <summary>The login form of <c>/account/login</c>.</summary>
    public static async Task<IHtmlFormElement> LoginFormAsync(this HttpClient client) =>
        (await client.GetHtmlAsync("/account/login")).Form("main form");

    /// <summary>Fills and posts the login form; returns the response (302 on success, the page again on failure).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = CoffeeShopWebFactory.DefaultPassword)
    {
        var form = await client.LoginFormAsync();
        return await client.SubmitAsync(form, new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
    }

    /// <summary>Signs in and asserts it worked (a redirect and the auth cookie).</summary>
    public static async Task SignInSuccessfullyAsync(this HttpClient client, string email, string password = CoffeeShopWebFactory.DefaultPassword)
    {
        using var response = await client.SignInAsync(email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"sign-in of {email} should redirect");
        Assert.That(SetCookie(response, AuthCookie), Is.Not.Null, "sign-in should set the auth cookie");
    }

    /// <summary>The Set-Cookie header that sets <paramref name="name"/>, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
    }

    /// <summary>The attributes of a Set-Cookie header after the name=value pair, lower-cased and trimmed.</summary>
    public static IReadOnlyList<string> CookieAttributes(string setCookie)
    {
        ArgumentNullException.ThrowIfNull(setCookie);
        return [.. setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant())];
    }
}
