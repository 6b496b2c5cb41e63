namespace CoffeeShop.Web.Grpc;

/// <summary>Tells gRPC calls (native or gRPC-Web) from other requests, by their content type.</summary>
internal static class GrpcRequests
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);

    public static bool IsGrpc(HttpContext context) => IsGrpc(context.Request);
}
