using System.Globalization;
using System.Threading.RateLimiting;
using CoffeeShop.Web.Grpc;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.ScaleOut;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.WarmUp;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// The framework's rate limiter: a fixed window per client IP for anonymous callers and per user or key
/// otherwise, and a stricter window on sign-in. Without Redis the windows live in each instance's memory; with
/// Redis every instance counts into one shared window per client (<see cref="SharedWindowRateLimiter"/>).
/// </summary>
internal static class RateLimitingSetup
{
    public static IServiceCollection AddCoffeeShopRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        options.Anonymous.Validate(nameof(options.Anonymous));
        options.Authenticated.Validate(nameof(options.Authenticated));
        options.SignIn.Validate(nameof(options.SignIn));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((limiter, provider) =>
        {
            var windows = new Windows(options, provider);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.SignIn.WindowSeconds);
                ShopMetrics.RequestRateLimited();
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return GrpcRequests.IsGrpc(context.HttpContext) ? new ValueTask(GrpcRefusals.RateLimitedAsync(context.HttpContext)) : ValueTask.CompletedTask;
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
                    ? windows.For("ip:" + ClientIp(context), options.Anonymous)
                    : windows.For(caller, options.Authenticated);
            });
            limiter.AddPolicy(RateLimitingOptions.SignInPolicy, context => windows.For("sign-in:" + ClientIp(context), options.SignIn));
        });
        return services;
    }

    /// <summary>Makes each client's window: local, or shared through Redis when it is configured.</summary>
    private sealed class Windows(RateLimitingOptions options, IServiceProvider provider)
    {
        private readonly RedisConnection? _redis = provider.GetService<IOptions<RedisOptions>>()?.Value.Enabled == true
            ? provider.GetRequiredService<RedisConnection>()
            : null;

        private readonly TimeProvider _clock = provider.GetRequiredService<TimeProvider>();

        public RateLimitPartition<string> For(string key, WindowLimit limit) => _redis is null
            ? RateLimitPartition.Get(key, _ => Local(limit))
            : RateLimitPartition.Get(key, k => new SharedWindowRateLimiter(
                k, limit.PermitLimit, TimeSpan.FromSeconds(limit.WindowSeconds), LeaseSize(limit), _redis, Local(limit), _clock));

        /// <summary>A few percent of the limit per Redis round trip (at least one permit): see SharedWindowRateLimiter.</summary>
        private int LeaseSize(WindowLimit limit) => Math.Max(1, (int)(limit.PermitLimit * options.SharedLeaseFraction));

        private static FixedWindowRateLimiter Local(WindowLimit limit) => new(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
