using CoffeeShop.Web.Observability;

namespace CoffeeShop.Web.Security;

/// <summary>Logs refused requests (401, 403, 429) at Warning with who and where, and counts them for the alerts.</summary>
internal sealed class SecurityEventLoggingMiddleware(RequestDelegate next, ILogger<SecurityEventLoggingMiddleware> logger)
{
    /// <summary>Route groups by path prefix, first match wins; the alerts and the dashboard read these names.</summary>
    private static readonly (string Prefix, string Group)[] RouteGroups =
    [
        ("/api/v1/auth", "sign-in"),
        ("/account", "sign-in"),
        ("/api/", "api"),
        ("/coffee", "compat"),
        ("/graphql", "graphql"),
        ("/hubs", "live"),
        ("/admin", "admin"),
        ("/barista", "barista"),
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests)
        {
            ShopMetrics.RequestRefused(status, RouteGroup(context.Request.Path), ClientClass(context));
            logger.LogWarning(
                "Security: {StatusCode} for {Method} {Path} (user {UserName}, client {ClientIp})",
                status,
                context.Request.Method,
                context.Request.Path,
                context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous",
                context.Connection.RemoteIpAddress);
        }
    }

    internal static string RouteGroup(PathString path)
    {
        foreach (var (prefix, group) in RouteGroups)
        {
            if (path.StartsWithSegments(prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                return group;
            }
        }

        return "site";
    }

    /// <summary>Who was refused: an anonymous caller, a person (cookie or bearer token), or a program with an API key.</summary>
    internal static string ClientClass(HttpContext context) => context.User.Identity switch
    {
        { IsAuthenticated: true, AuthenticationType: AuthSchemes.ApiKey } => "api-key",
        { IsAuthenticated: true } => "user",
        _ => "anonymous",
    };
}
