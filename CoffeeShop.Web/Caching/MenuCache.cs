using CoffeeShop.Domain.Menu;
using Microsoft.AspNetCore.OutputCaching;

namespace CoffeeShop.Web.Caching;

/// <summary>
/// Anonymous GETs of the menu are served from the output cache; every menu write evicts the "menu" tag,
/// so the very next request sees the change.
/// </summary>
public static class MenuCache
{
    public const string Policy = "menu";
    public const string Tag = "menu";

    public static IServiceCollection AddMenuOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Policy, b => b.Tag(Tag).SetVaryByQuery("*").Expire(TimeSpan.FromMinutes(10)));
        });
        services.AddScoped<IMenuChangeNotifier, OutputCacheMenuChangeNotifier>();
        return services;
    }
}

/// <summary>Evicts the cached menu responses of this instance when the menu changes.</summary>
internal sealed class OutputCacheMenuChangeNotifier(IOutputCacheStore store) : IMenuChangeNotifier
{
    public Task MenuChangedAsync(CancellationToken cancellationToken) =>
        store.EvictByTagAsync(MenuCache.Tag, cancellationToken).AsTask();
}
