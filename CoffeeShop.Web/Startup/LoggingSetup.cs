using System.Diagnostics;
using System.Globalization;
using CoffeeShop.Web.WarmUp;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CoffeeShop.Web.Startup;

/// <summary>Serilog from the <c>Serilog</c> configuration section, with one log line per request.</summary>
internal static class LoggingSetup
{
    public static WebApplicationBuilder AddCoffeeShopLogging(this WebApplicationBuilder builder)
    {
        // Readable text while developing; one JSON object per line elsewhere, for log shippers.
        var json = builder.Configuration.GetValue("Serilog:JsonConsole", !builder.Environment.IsDevelopment());
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseCoffeeShopRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments(HealthEndpoints.BasePath) || WarmUpRequest.Is(http) ? LogEventLevel.Verbose
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("UserName", http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : "anonymous");
                diagnostics.Set("ClientIp", http.Connection.RemoteIpAddress?.ToString());
                diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
            };
        });
}
