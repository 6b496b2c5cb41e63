using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Data;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// The app over its own temporary SQLite file, in the "Testing" environment. Create one per fixture
/// (in [OneTimeSetUp]) and dispose it in [OneTimeTearDown]; the file goes with it. Pass settings to
/// override configuration (rate limits, options…) the way an operator would.
/// </summary>
public class CoffeeShopWebFactory : WebApplicationFactory<Program>
{
    public const string TestingEnvironment = "Testing";

    private static readonly string DatabaseFolder = Path.Combine(Path.GetTempPath(), "coffeeshop-tests");

    private readonly Dictionary<string, string?> _settings;
    private bool _deleted;

    public CoffeeShopWebFactory(IReadOnlyDictionary<string, string?>? settings = null, string environment = TestingEnvironment)
    {
        Directory.CreateDirectory(DatabaseFolder);
        DatabasePath = Path.Combine(DatabaseFolder, $"{Guid.NewGuid():N}.db");
        Environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:CoffeeShop"] = $"Data Source={DatabasePath}",
            ["Database:Provider"] = "Sqlite",
            // Keep the test output readable; a test that needs the logs can lower this.
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // A fresh signing key per host: tokens from one test host are worthless in another.
            ["Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            // The test server speaks plain HTTP; tests of HTTPS behaviour turn this back on.
            ["Security:RequireHttps"] = "false",
            // Suites make many requests from one address; the rate-limit tests turn limits back on.
            ["RateLimiting:Enabled"] = "false",
            // No second port: many test hosts run at once, and gRPC tests call the test server's handler (or a free port).
            ["Grpc:Url"] = string.Empty,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The SQLite file this instance uses (created when the host starts).</summary>
    public string DatabasePath { get; }

    public string Environment { get; }

    /// <summary>
    /// Starts the app on Kestrel at 127.0.0.1 on a free port, for a browser or any real HTTP client,
    /// and returns its base address. Call before anything else touches the factory.
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    /// <summary>Runs <paramref name="action"/> with services from a fresh scope, for arranging data through the domain.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Adds a menu item through <see cref="MenuService"/> (so the invariants hold) and returns it.</summary>
    public Task<MenuItem> AddMenuItemAsync(MenuItemDetails details) =>
        WithScopeAsync(services => services.GetRequiredService<MenuService>().CreateAsync(details, CancellationToken.None));

    /// <summary>Places an order through <see cref="OrderingService"/>, as a guest unless <paramref name="customerId"/> is given.</summary>
    public Task<Order> PlaceOrderAsync(string customerName, IReadOnlyList<OrderLineRequest> lines, string? notes = null, string? customerId = null) =>
        WithScopeAsync(services => services.GetRequiredService<OrderingService>()
            .PlaceAsync(new OrderRequest(customerName, notes, customerId, lines), CancellationToken.None));

    /// <summary>Moves an order along as staff would, through <see cref="OrderingService"/>.</summary>
    public Task<Order> MoveOrderAsync(int id, params OrderStatus[] path) =>
        WithScopeAsync(async services =>
        {
            var ordering = services.GetRequiredService<OrderingService>();
            Order? order = null;
            foreach (var next in path)
            {
                order = await ordering.MoveAsync(id, next, CancellationToken.None);
            }

            return order ?? await ordering.GetAsync(id, CancellationToken.None);
        });

    /// <summary>Runs a query straight against the database, for checking what a request left behind.</summary>
    public Task<T> QueryDatabaseAsync<T>(Func<CoffeeShopDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WithScopeAsync(services => query(services.GetRequiredService<CoffeeShopDbContext>()));
    }

    /// <summary>The Identity user id of the account with this email.</summary>
    public Task<string> UserIdOfAsync(string email) =>
        WithScopeAsync(async services =>
            (await services.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email))?.Id
            ?? throw new InvalidOperationException($"No user {email}."));

    public const string DefaultPassword = "Test-Passw0rd!";

    /// <summary>Creates a user with <paramref name="role"/> (Customer, Barista or Admin) and returns the email.</summary>
    public Task<string> CreateUserAsync(string role, string? email = null, string password = DefaultPassword) =>
        WithScopeAsync(async services =>
        {
            var address = email ?? $"{role.ToUpperInvariant()}-{Guid.NewGuid():N}@test.local".ToLowerInvariant();
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser { UserName = address, Email = address, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            return address;
        });

    /// <summary>Signs in through POST /api/v1/auth/token and returns the bearer token.</summary>
    public static async Task<string> GetTokenAsync(HttpClient client, string email, string password = DefaultPassword)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A client that sends <paramref name="token"/> as a bearer token.</summary>
    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user with the role and returns a client carrying a bearer token for them.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string role)
    {
        var email = await CreateUserAsync(role);
        using var anonymous = CreateClient();
        return CreateClientWithToken(await GetTokenAsync(anonymous, email));
    }

    /// <summary>
    /// A client signed in to the site (the Identity cookie, for pages) through the sign-in form, as a person would.
    /// It keeps cookies and does not follow redirects.
    /// </summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email, string password = DefaultPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {email} returned {(int)response.StatusCode}.");
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(Environment);

        // UseSetting reaches the configuration Program reads while it registers services;
        // the in-memory source added last wins over appsettings*.json for everything read later.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_deleted)
        {
            _deleted = true;
            DeleteDatabase();
        }
    }

    private void DeleteDatabase()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
