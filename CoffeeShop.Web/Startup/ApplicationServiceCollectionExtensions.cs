using CoffeeShop.Data;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Web.Startup;

/// <summary>The composition root of the domain and the data layer: the only place Web names Data.</summary>
internal static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddCoffeeShopApplication(
        this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddCoffeeShopData(configuration, environment.ContentRootPath);
        services.AddMenuCaching(); // decorates the repository just registered
        services.AddScoped<MenuService>();
        services.AddScoped<OptionGroupService>();
        services.AddScoped<OrderingService>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<IOrderCodeGenerator, RandomOrderCodeGenerator>();
        services.AddScoped<IdentitySeeder>();
        services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>Migrates, seeds the menu, the roles and (in Development) the demo accounts before the first request.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
    }
}
