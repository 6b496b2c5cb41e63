using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CoffeeShop.Web.Grpc;

/// <summary>
/// Refusals made before a gRPC method runs (authorization, rate limit) answered as gRPC statuses rather than HTTP
/// 401/403/429, so every client sees UNAUTHENTICATED, PERMISSION_DENIED or RESOURCE_EXHAUSTED with a message.
/// A "trailers-only" response: HTTP 200 whose headers carry grpc-status, which gRPC and gRPC-Web clients both read.
/// </summary>
internal static partial class GrpcRefusals
{
    public static Task WriteAsync(HttpContext context, StatusCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;

        // gRPC-Web has already set its own content type; a native call gets gRPC's.
        response.ContentType ??= "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GrpcRefusals).FullName!);
        LogRefused(
            logger,
            code,
            context.Request.Path,
            context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous",
            context.Connection.RemoteIpAddress?.ToString());
        return Task.CompletedTask;
    }

    /// <summary>The rate limiter's rejection of a gRPC call (the limiter has set Retry-After already).</summary>
    public static Task RateLimitedAsync(HttpContext context) =>
        WriteAsync(context, StatusCode.ResourceExhausted, "Too many requests; retry after the number of seconds in the retry-after header.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security: gRPC {GrpcStatus} for {Path} (user {UserName}, client {ClientIp})")]
    private static partial void LogRefused(ILogger logger, StatusCode grpcStatus, string path, string? userName, string? clientIp);

    /// <summary>Authorization's challenge and forbid, for gRPC calls; other requests get the default (401/403, redirects for pages).</summary>
    internal sealed class AuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            ArgumentNullException.ThrowIfNull(authorizeResult);
            if (GrpcRequests.IsGrpc(context))
            {
                if (authorizeResult.Challenged)
                {
                    return WriteAsync(context, StatusCode.Unauthenticated, "Send a bearer token (authorization: Bearer <jwt>) or an API key (x-api-key).");
                }

                if (authorizeResult.Forbidden)
                {
                    return WriteAsync(context, StatusCode.PermissionDenied, "Your role may not call this method.");
                }
            }

            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
