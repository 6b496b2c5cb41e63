namespace CoffeeShop.Web.Security;

/// <summary>Logs refused requests (401, 403, 429) at Warning with who and where, for monitoring.</summary>
internal sealed class SecurityEventLoggingMiddleware(RequestDelegate next, ILogger<SecurityEventLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests)
        {
            logger.LogWarning(
                "Security: {StatusCode} for {Method} {Path} (user {UserName}, client {ClientIp})",
                status,
                context.Request.Method,
                context.Request.Path,
                context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous",
                context.Connection.RemoteIpAddress);
        }
    }
}
