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

        // No catch-all endpoint: an unmatched request ends as a 404 (problem details or the friendly page), and the
        // fallback authorization policy lets it through (see AddCoffeeShopSecurity).
        return app;
    }
}
