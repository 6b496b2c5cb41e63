using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;

namespace CoffeeShop.Web.Caching;

/// <summary>
/// The menu's copies on this instance, and the one place they are dropped: anonymous GETs of the menu served from the
/// output cache (tag "menu"), and the <see cref="MenuSnapshot"/> that prices orders (<see cref="CachedMenuItemRepository"/>).
/// <see cref="MenuService"/> tells <see cref="MenuChangeNotifier"/> after every write, which evicts both, so the very
/// next request sees the change.
/// </summary>
public static class MenuCache
{
    public const string Policy = "menu";
    public const string Tag = "menu";

    public static IServiceCollection AddMenuCaching(this IServiceCollection services)
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
        services.AddSingleton<MenuSnapshot>();
        services.AddSingleton<MenuCopies>();
        services.AddScoped<IMenuChangeNotifier, MenuChangeNotifier>();
        Decorate<IMenuItemRepository>(services, (inner, provider) => new CachedMenuItemRepository(inner, provider.GetRequiredService<MenuSnapshot>()));
        Decorate<IOptionGroupRepository>(services, (inner, provider) => new CachedOptionGroupRepository(inner, provider.GetRequiredService<MenuSnapshot>()));
        return services;
    }

    /// <summary>Wraps the registered <typeparamref name="T"/> (the data layer's) in <paramref name="decorate"/>, keeping its lifetime.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<T, IServiceProvider, T> decorate)
        where T : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"Register {typeof(T).Name} (AddCoffeeShopData) before the menu caching.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(typeof(T), provider => decorate(ServiceDescriptors.Instantiate<T>(registered, provider), provider), registered.Lifetime));
    }
}

/// <summary>This instance's copies of the menu (output cache, pricing snapshot), dropped together.</summary>
public sealed class MenuCopies(IOutputCacheStore store, MenuSnapshot snapshot)
{
    public Task DropAsync(CancellationToken cancellationToken)
    {
        snapshot.Invalidate();
        return store.EvictByTagAsync(MenuCache.Tag, cancellationToken).AsTask();
    }
}

/// <summary>Tells the other instances that the menu changed (with Redis: <c>ScaleOut/RedisMenuEvictions</c>).</summary>
public interface IMenuChangeBroadcast
{
    Task PublishAsync(CancellationToken cancellationToken);
}

/// <summary>When the menu changes: drops this instance's copies at once, then tells the other instances, if any.</summary>
internal sealed class MenuChangeNotifier(MenuCopies copies, IEnumerable<IMenuChangeBroadcast> broadcasts) : IMenuChangeNotifier
{
    public async Task MenuChangedAsync(CancellationToken cancellationToken)
    {
        await copies.DropAsync(cancellationToken);
        foreach (var broadcast in broadcasts)
        {
            await broadcast.PublishAsync(cancellationToken);
        }
    }
}
