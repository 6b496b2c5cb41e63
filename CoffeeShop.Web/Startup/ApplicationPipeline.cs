using CoffeeShop.Web.ErrorHandling;

namespace CoffeeShop.Web.Startup;

/// <summary>The middleware, in order, and the endpoints.</summary>
internal static class ApplicationPipeline
{
    public static WebApplication UseCoffeeShopPipeline(this WebApplication app)
    {
        // API callers get problem details for every error; people get friendly pages.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(ApiRequests.IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !ApiRequests.IsApi(context), site => site.UseStatusCodePagesWithReExecute("/error/{0}"));

        app.UseCoffeeShopRequestLogging();
        app.UseRouting();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapCoffeeShopEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapCoffeeShopHealth();
        app.MapCoffeeShopApiDocumentation();
        app.MapControllers();
        app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}").WithStaticAssets();
        return app;
    }
}
