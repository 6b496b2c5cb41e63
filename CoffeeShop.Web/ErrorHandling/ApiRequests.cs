using CoffeeShop.Web.Grpc;

namespace CoffeeShop.Web.ErrorHandling;

/// <summary>Tells API requests (problem details on error) from page requests (friendly error pages).</summary>
internal static class ApiRequests
{
    /// <summary>API paths, and gRPC calls (which authenticate as the API does: bearer token or API key, never the cookie).</summary>
    public static bool IsApi(HttpContext context) => IsApiPath(context.Request.Path) || GrpcRequests.IsGrpc(context);

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/coffee", StringComparison.OrdinalIgnoreCase);
}
