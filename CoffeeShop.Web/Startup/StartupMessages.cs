using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoffeeShop.Web.Startup;

internal static class StartupMessages
{
    /// <summary>Once listening, says where the site, the API docs and the health endpoint are.</summary>
    public static void LogUrlsOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var baseUrl = addresses?.FirstOrDefault()?.TrimEnd('/');
            if (baseUrl is null)
            {
                return;
            }

            app.Logger.LogInformation(
                "CoffeeShop is ready. Site: {SiteUrl}  API docs: {DocsUrl} (ReDoc {RedocUrl}, OpenAPI {OpenApiUrl})  Health: {HealthUrl}",
                baseUrl + "/",
                baseUrl + "/docs",
                baseUrl + "/redoc",
                baseUrl + "/openapi.json",
                baseUrl + "/health/ready");
        });
}
