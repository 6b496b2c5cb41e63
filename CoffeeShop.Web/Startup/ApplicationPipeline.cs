using CoffeeShop.Web.ErrorHandling;
using CoffeeShop.Web.Security;
using Microsoft.Extensions.Options;
using Prometheus;

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
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseCoffeeShopApiDocumentationUi();
        app.UseRouting();
        app.UseHttpMetrics();

        // Nothing matched: a 404 (problem details or the friendly page) now, before the fallback authorization
        // policy can turn it into a sign-in prompt. Not a catch-all MapFallback: that matches every method and
        // content type, so it would win over the router's own 405 and 415 answers and turn them into 404s.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseMiddleware<SecurityEventLoggingMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapCoffeeShopEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous().DisableRateLimiting();
        app.MapCoffeeShopHealth();
        app.MapCoffeeShopMetrics();
        app.MapCoffeeShopApiDocument();
        app.MapControllers();
        return app;
    }
}
