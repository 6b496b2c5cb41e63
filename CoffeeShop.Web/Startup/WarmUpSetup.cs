using CoffeeShop.Web.WarmUp;
using Microsoft.AspNetCore.Hosting.Server;

namespace CoffeeShop.Web.Startup;

/// <summary>Wraps the server the host registered (Kestrel) in <see cref="WarmUpServer"/>.</summary>
internal static class WarmUpSetup
{
    public static IServiceCollection AddCoffeeShopWarmUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WarmUpOptions>(configuration.GetSection(WarmUpOptions.SectionName));
        var server = services.LastOrDefault(d => d.ServiceType == typeof(IServer));
        if (server is null)
        {
            return services;
        }

        // A host that replaces the server afterwards (the tests' in-memory server) simply goes without a warm-up.
        services.Remove(server);
        services.AddSingleton<IServer>(provider => ActivatorUtilities.CreateInstance<WarmUpServer>(provider, Create(provider, server)));
        return services;
    }

    private static IServer Create(IServiceProvider provider, ServiceDescriptor server) =>
        (IServer)(server.ImplementationInstance
            ?? server.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, server.ImplementationType!));
}
