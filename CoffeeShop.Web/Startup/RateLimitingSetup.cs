using System.Globalization;
using System.Threading.RateLimiting;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.WarmUp;
using Microsoft.AspNetCore.RateLimiting;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// The framework's rate limiter: a fixed window per client IP for anonymous callers and per user or key
/// otherwise, and a stricter window on sign-in. Limits live in each instance's memory; see docs/operations.md.
/// </summary>
internal static class RateLimitingSetup
{
    public static IServiceCollection AddCoffeeShopRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.SignIn.WindowSeconds);
                ShopMetrics.RequestRateLimited();
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };

            if (!options.Enabled)
            {
                limiter.AddPolicy(RateLimitingOptions.SignInPolicy, _ => RateLimitPartition.GetNoLimiter("off"));
                return;
            }

            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (WarmUpRequest.Is(context))
                {
                    return RateLimitPartition.GetNoLimiter("warm-up");
                }

                var caller = CurrentUser.KeyOf(context.User) is { } key ? "user:" + key : null;
                return caller is null
                    ? Window("ip:" + ClientIp(context), options.Anonymous)
                    : Window(caller, options.Authenticated);
            });
            limiter.AddPolicy(RateLimitingOptions.SignInPolicy, context => Window("sign-in:" + ClientIp(context), options.SignIn));
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
