using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Http;

/// <summary>
/// How an API action answers with a versioned resource (a menu item, an option group): its version as the ETag, and for
/// a read, 304 when If-None-Match already names it, so the body is only built when the client needs it.
/// </summary>
internal static class VersionedResults
{
    /// <summary>
    /// The read of a resource at <paramref name="version"/> (showing other resources in the state <paramref name="related"/>,
    /// see <see cref="EntityTags"/>): 304 when the client's copy is fresh, else <paramref name="body"/>.
    /// </summary>
    public static async Task<ActionResult<T>> ReadAsync<T>(this ControllerBase controller, int version, Func<Task<T>> body, int? related = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(body);
        Tag(controller, version, related);
        if (EntityTags.IfNoneMatchHits(controller.Request, version, related))
        {
            return controller.StatusCode(StatusCodes.Status304NotModified);
        }

        return await body();
    }

    /// <summary><paramref name="body"/>, the resource as just written at <paramref name="version"/>, with its new ETag.</summary>
    public static T Written<T>(this ControllerBase controller, int version, T body, int? related = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        Tag(controller, version, related);
        return body;
    }

    private static void Tag(ControllerBase controller, int version, int? related) =>
        controller.Response.GetTypedHeaders().ETag = EntityTags.For(version, related);
}
