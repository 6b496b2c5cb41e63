using Microsoft.AspNetCore.Mvc.Testing;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// One app (and one database) per fixture, started in [OneTimeSetUp]; a client that does not follow redirects,
/// so tests see the status the app sends. Override <see cref="CreateFactory"/> to pass settings. Tests in a
/// fixture share the database: a test that writes adds its own rows (see <see cref="MenuItemBuilder"/>)
/// rather than changing the seeded ones.
/// </summary>
[Category(TestCategories.Integration)]
public abstract class IntegrationTestBase
{
    private CoffeeShopWebFactory? _factory;
    private HttpClient? _client;

    protected CoffeeShopWebFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    protected HttpClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    [OneTimeSetUp]
    public void StartApp()
    {
        _factory = CreateFactory();
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [OneTimeTearDown]
    public async Task StopAppAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    protected virtual CoffeeShopWebFactory CreateFactory() => new();
}
