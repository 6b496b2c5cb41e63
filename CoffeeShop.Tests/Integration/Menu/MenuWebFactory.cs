using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Contracts.Auth;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Menu;

/// <summary>
/// The shared test factory with two fixed accounts, an admin and a customer, and the form helpers the menu
/// tests use. One per fixture; dispose it to delete the database file.
/// </summary>
public sealed class MenuWebFactory : CoffeeShopWebFactory
{
    public const string AdminEmail = "admin@menu.test";
    public const string CustomerEmail = "customer@menu.test";
    public const string Password = "Menu-Test-Pass-2026!";

    private bool _usersCreated;

    /// <summary>An anonymous client that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>A client that sends an admin's (or a customer's) bearer token from POST /api/v1/auth/token.</summary>
    public async Task<HttpClient> CreateBearerClientAsync(string email = AdminEmail)
    {
        await EnsureUsersAsync();
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A cookie client signed in through the /account/login form.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email = AdminEmail)
    {
        await EnsureUsersAsync();
        var client = CreateBrowserClient();
        using var response = await PostFormAsync(client, "/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "sign-in should redirect");
        return client;
    }

    /// <summary>Posts a form the way a browser would: the antiforgery token is read from the page at <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string formPage, string action, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetDocumentAsync(client, formPage);
        var token = page.QuerySelector("form[action='" + action + "'] input[name='__RequestVerificationToken']")
            ?? page.QuerySelector("input[name='__RequestVerificationToken']");
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = token!.GetAttribute("value")!,
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(action, content);
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Adds a hot drink through the service, so each test works on an item of its own.</summary>
    public async Task<MenuItem> AddItemAsync(string title, MenuCategory category = MenuCategory.Hot, decimal price = 3.80m)
    {
        await using var scope = Services.CreateAsyncScope();
        var menu = scope.ServiceProvider.GetRequiredService<MenuService>();
        return await menu.CreateAsync(
            new MenuItemDetails(category, title, "A drink made for a test.", ["Espresso", "Milk"], null, price), CancellationToken.None);
    }

    public async Task<MenuItem?> FindItemAsync(int id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MenuService>().FindAsync(id, CancellationToken.None);
    }

    private async Task EnsureUsersAsync()
    {
        if (_usersCreated)
        {
            return;
        }

        await CreateUserAsync(AppRoles.Admin, AdminEmail, Password);
        await CreateUserAsync(AppRoles.Customer, CustomerEmail, Password);

        _usersCreated = true;
    }
}
