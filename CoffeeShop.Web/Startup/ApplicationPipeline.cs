using CoffeeShop.Web.ErrorHandling;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Startup;

/// <summary>The middleware, in order, and the endpoints.</summary>
internal static class ApplicationPipeline
{
    public static WebApplication UseCoffeeShopPipeline(this WebApplication app)
    {
        app.UseCoffeeShopForwardedHeaders();

        // Outermost, so each request is logged once, with the status the client finally got.
        app.UseCoffeeShopRequestLogging();

        // API callers get problem details for every error; people get friendly pages.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(ApiRequests.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !ApiRequests.IsApi(context), site => site.UseStatusCodePagesWithReExecute("/error/{0}"));

        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestBodyCapMiddleware>();
        app.UseMiddleware<RequestBodyPipeMiddleware>();
        app.UseCoffeeShopApiDocumentationUi();
        app.UseRouting();
        app.UseCoffeeShopGrpcWeb();
        app.UseMiddleware<SecurityEventLoggingMiddleware>();
        app.UseCoffeeShopLiveUpdateGuards();

        // A request without credentials is anonymous whatever authentication does, and the rate limiter partitions
        // it by IP alone: it is limited and, for the menu, answered from the output cache before authentication,
        // which is most of the cost of a cached GET. Requests with credentials are limited per user or key, so
        // they meet the limiter after authentication; the cache policy never serves or stores them.
        app.UseWhen(RequestCredentials.Absent, anonymous => anonymous.UseRateLimiter());
        app.UseOutputCache();
        app.UseAuthentication();
        app.UseWhen(RequestCredentials.Present, signedIn => signedIn.UseRateLimiter());
        app.Use(AnswerRoutingMisses);
        app.UseAuthorization();

        // A declared length over the limit is refused after authorization, so a protected endpoint says 401 first.
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

    public static WebApplication MapCoffeeShopEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous().DisableRateLimiting();
        app.MapCoffeeShopHealth();
        app.MapCoffeeShopMetrics();
        app.MapCoffeeShopApiDocument();
        app.MapCoffeeShopGraphQL();
        app.MapControllers().KeepFrameworkMediaTypePolicyOff();
        app.MapCoffeeShopLiveUpdates();
        app.MapCoffeeShopGrpc();
        return app;
    }

    /// <summary>
    /// When routing found no endpoint (404) or only refused the method (405), answers that at once: the fallback policy
    /// would otherwise turn it into a sign-in prompt. Both are facts about the address that /openapi.json publishes,
    /// so they need no credentials (docs/security.md). A refused Content-Type is different: its 415 endpoint carries
    /// the authorization of the endpoints it refused (<see cref="MediaTypeMatcherPolicy"/>), so it goes on through
    /// authorization and a protected route says 401 first. (A catch-all fallback route cannot do this: it accepts every
    /// method and media type, so routing would pick it, a 404, over its own 405.)
    /// </summary>
    private static Task AnswerRoutingMisses(HttpContext context, RequestDelegate next)
    {
        switch (context.GetEndpoint())
        {
            case null:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            case RouteEndpoint:
                return next(context);
            case var refusal when refusal.Metadata.GetMetadata<IAuthorizeData>() is not null || refusal.Metadata.GetMetadata<IAllowAnonymous>() is not null:
                return next(context);
            case var refusal:
                return refusal.RequestDelegate?.Invoke(context) ?? next(context);
        }
    }
}
