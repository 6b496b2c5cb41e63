using CoffeeShop.Web.Grpc;

namespace CoffeeShop.Web.ErrorHandling;

/// <summary>
/// Tells API requests (bearer or API key, never the cookie; problem details on error) from page requests (cookie,
/// friendly error pages). /graphql is an API: its errors are GraphQL responses (GraphQL/GraphQLProblemWriter).
/// </summary>
internal static class ApiRequests
{
    /// <summary>API paths, and gRPC calls (which authenticate as the API does: bearer token or API key, never the cookie).</summary>
    public static bool IsApi(HttpContext context) => IsApiPath(context.Request.Path) || GrpcRequests.IsGrpc(context);

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/coffee", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase);
}
