namespace CoffeeShop.Web.ErrorHandling;

/// <summary>Tells API requests (problem details on error) from page requests (friendly error pages).</summary>
internal static class ApiRequests
{
    public static bool IsApi(HttpContext context) => IsApiPath(context.Request.Path);

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/coffee", StringComparison.OrdinalIgnoreCase);
}
