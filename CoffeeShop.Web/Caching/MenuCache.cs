using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
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
            // The output cache runs before authentication (see ApplicationPipeline), so it cannot ask who the user is.
            // It serves and stores only requests that carry no credentials at all, on endpoints open to anonymous
            // callers: those are answered exactly as an anonymous caller would be, whoever sends them.
            o.AddPolicy(Policy, b => b
                .With(context => RequestCredentials.Absent(context.HttpContext)
                    && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                .Tag(Tag)
                .SetVaryByQuery("*")
                .Expire(TimeSpan.FromMinutes(10)));
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
