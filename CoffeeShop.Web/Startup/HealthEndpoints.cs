using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoffeeShop.Web.Startup;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database is reachable and migrated).</summary>
internal static class HealthEndpoints
{
    public const string BasePath = "/health";
    public const string ReadyTag = "ready";

    public static void MapCoffeeShopHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks($"{BasePath}/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks($"{BasePath}/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync })
            .AllowAnonymous().DisableRateLimiting();
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(
            context.Response.Body,
            new
            {
                status = report.Status.ToString(),
                totalDurationMs = report.TotalDuration.TotalMilliseconds,
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            },
            cancellationToken: context.RequestAborted);
    }
}
