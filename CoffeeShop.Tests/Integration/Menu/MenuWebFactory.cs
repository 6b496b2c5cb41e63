using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Contracts.Auth;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Menu;

/// <summary>
/// The app in the "Testing" environment over its own temporary SQLite file, with an admin and a customer.
/// Small on purpose: the shared factory in TestSupport replaces it. One per fixture; dispose it to delete the file.
/// </summary>
public sealed class MenuWebFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@menu.test";
    public const string CustomerEmail = "customer@menu.test";
    public const string Password = "Menu-Test-Pass-2026!";

    private readonly string _databasePath;
    private bool _usersCreated;

    public MenuWebFactory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coffeeshop-menu-tests");
        Directory.CreateDirectory(folder);
        _databasePath = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:CoffeeShop"] = $"Data Source={_databasePath}",
            ["Jwt:SigningKey"] = "menu-tests-signing-key-0123456789-abcdefghijklmn",
            ["Security:RequireHttps"] = "false",
            ["RateLimiting:Enabled"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        builder.UseEnvironment("Testing");

        // UseSetting reaches what Program reads while registering services; the in-memory source, what is read later.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_databasePath + suffix);
            }
        }
    }

    private async Task EnsureUsersAsync()
    {
        if (_usersCreated)
        {
            return;
        }

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var (email, role) in new[] { (AdminEmail, AppRoles.Admin), (CustomerEmail, AppRoles.Customer) })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            Assert.That(created.Succeeded, Is.True, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }

        _usersCreated = true;
    }
}
