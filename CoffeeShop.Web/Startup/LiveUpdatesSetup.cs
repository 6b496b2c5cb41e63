using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Live;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// Live updates: the order-event publisher the domain writes to, the SignalR hub at <c>/hubs/orders</c> with its
/// limits and authentication, and the dispatcher between them. The event stream is an ordinary API controller.
/// </summary>
internal static class LiveUpdatesSetup
{
    private const string AccessTokenQuery = "access_token";

    public static IServiceCollection AddCoffeeShopLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        var live = configuration.GetSection(LiveOptions.SectionName).Get<LiveOptions>() ?? new LiveOptions();
        services.Configure<LiveOptions>(configuration.GetSection(LiveOptions.SectionName));

        services.AddSingleton<OrderEventBroker>();
        services.AddSingleton<IOrderEvents>(s => s.GetRequiredService<OrderEventBroker>());
        services.AddSingleton<IOrderEventFeed>(s => s.GetRequiredService<OrderEventBroker>());
        services.AddSingleton<LiveConnectionLimiter>();
        services.AddHostedService<OrdersHubNotifier>();

        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = live.MaxMessageBytes;
            o.MaximumParallelInvocationsPerClient = 1;
            o.KeepAliveInterval = TimeSpan.FromSeconds(15);
            o.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
            o.HandshakeTimeout = TimeSpan.FromSeconds(10);
            o.EnableDetailedErrors = false;
        });

        // On the hub's path: an API key or a bearer token when the client sends one (a browser cannot set headers on a
        // WebSocket, so the token may come as ?access_token=, on this path only), else the site's cookie.
        services.PostConfigure<PolicySchemeOptions>(AuthSchemes.Selector, o =>
        {
            var others = o.ForwardDefaultSelector;
            o.ForwardDefaultSelector = context => !IsHub(context.Request.Path) ? others?.Invoke(context)
                : context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey
                : context.Request.Headers.Authorization.Count > 0 || context.Request.Query.ContainsKey(AccessTokenQuery) ? AuthSchemes.Bearer
                : IdentityConstants.ApplicationScheme;
        });
        services.PostConfigure<JwtBearerOptions>(AuthSchemes.Bearer, o =>
        {
            var others = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = context =>
            {
                if (IsHub(context.Request.Path) && context.Request.Query.TryGetValue(AccessTokenQuery, out var token) && !string.IsNullOrEmpty(token))
                {
                    context.Token = token;
                }

                return others(context);
            };
        });
        return services;
    }

    /// <summary>
    /// Guards the hub's door: refuses other sites' pages (browsers send cookies on a cross-site WebSocket handshake
    /// and apply no CORS to it) and limits new connections per client IP, since the hub is outside the request rate
    /// limiter. Both refusals are logged as security events by SecurityEventLoggingMiddleware, like every 403 and 429.
    /// </summary>
    public static WebApplication UseCoffeeShopLiveUpdateGuards(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!IsHub(context.Request.Path))
            {
                return next(context);
            }

            if (!IsSameOrigin(context.Request))
            {
                LiveMetrics.RefusedBecause("origin");
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            // SignalR answers HEAD on the connect path with 405; a HEAD opens nothing, so it gets what a GET that opens
            // nothing gets (400), as HEAD answers like GET everywhere else in the app. (Negotiation refuses both: 405.)
            if (HttpMethods.IsHead(context.Request.Method) && !IsNegotiate(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            if (!IsConnectAttempt(context.Request))
            {
                return next(context);
            }

            var limiter = context.RequestServices.GetRequiredService<LiveConnectionLimiter>();
            if (limiter.TryAttempt(LiveConnectionLimiter.ClientIp(context), out var retryAfter))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = LiveConnectionLimiter.RetryAfterHeader(retryAfter);
            return Task.CompletedTask;
        });
        return app;
    }

    public static WebApplication MapCoffeeShopLiveUpdates(this WebApplication app)
    {
        var live = app.Services.GetRequiredService<IOptions<LiveOptions>>().Value;
        app.MapHub<OrdersHub>(OrdersHub.Path, o =>
            {
                o.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;

                // A connection signed in with a token ends when the token expires, rather than outliving it.
                o.CloseOnAuthenticationExpiration = true;
                o.ApplicationMaxBufferSize = live.MaxMessageBytes;
                o.TransportMaxBufferSize = live.MaxMessageBytes;
                o.WebSockets.CloseTimeout = TimeSpan.FromSeconds(5);
            })
            // Connecting is open to anyone (a guest's status page listens); each hub method checks its caller.
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }

    private static bool IsHub(PathString path) => path.StartsWithSegments(OrdersHub.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>No Origin (not a browser), or this host's own.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return string.IsNullOrEmpty(origin)
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A negotiation, or a connect without one (a WebSocket with skipNegotiation); not the polls and sends of an open connection.</summary>
    private static bool IsConnectAttempt(HttpRequest request) =>
        IsNegotiate(request) || !request.Query.ContainsKey("id");

    private static bool IsNegotiate(HttpRequest request) => request.Path.Value!.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase);
}
