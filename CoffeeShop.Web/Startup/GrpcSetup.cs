using CoffeeShop.Web.Grpc;
using CoffeeShop.Web.Security;
using Grpc.AspNetCore.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// gRPC (docs/grpc.md): the Menu and Orders services, gRPC-Web on the main port, grpc.health.v1, reflection where
/// configured, and the second, cleartext HTTP/2 port that native gRPC needs (<c>Grpc:Url</c>).
/// </summary>
internal static class GrpcSetup
{
    public static WebApplicationBuilder AddCoffeeShopGrpc(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GrpcOptions.SectionName).Get<GrpcOptions>() ?? new GrpcOptions();
        builder.Services.Configure<GrpcOptions>(builder.Configuration.GetSection(GrpcOptions.SectionName));
        var maxMessageBytes = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.MaxRequestBodyBytes
            ?? new SecurityOptions().MaxRequestBodyBytes;

        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<GrpcExceptionInterceptor>();

            // No catch-all "{service}/{method}" route for unknown services: it would match every two-segment path of
            // the site and API (DELETE /coffee/hot answered 404 instead of 405). Unknown methods of our own services
            // still answer UNIMPLEMENTED; an unknown service gets HTTP 404, which gRPC clients read as UNIMPLEMENTED.
            o.IgnoreUnknownServices = true;

            // The JSON API's body limit, refused up front (RESOURCE_EXHAUSTED) from the message's length prefix.
            o.MaxReceiveMessageSize = (int)Math.Min(int.MaxValue, maxMessageBytes - 5);
        });
        builder.Services.AddGrpcHealthChecks(o =>
        {
            o.Services.Clear();
            o.Services.Map(string.Empty, check => check.Tags.Contains(HealthEndpoints.ReadyTag));
        });
        if (ReflectionEnabled(options, builder.Environment))
        {
            builder.Services.AddGrpcReflection();
        }

        builder.Services.AddSingleton<GrpcMessages>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcRefusals.AuthorizationResultHandler>();

        AddGrpcPort(builder, options.Url);
        return builder;
    }

    /// <summary>gRPC-Web for every gRPC endpoint, so browsers (HTTP/1.1) can call the services on the main port. After routing.</summary>
    public static IApplicationBuilder UseCoffeeShopGrpcWeb(this IApplicationBuilder app) =>
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });

    public static WebApplication MapCoffeeShopGrpc(this WebApplication app)
    {
        app.MapGrpcService<MenuGrpcService>();
        app.MapGrpcService<OrdersGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        var options = app.Services.GetRequiredService<IOptions<GrpcOptions>>().Value;
        if (ReflectionEnabled(options, app.Environment))
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        var url = options.Url;
        if (!string.IsNullOrWhiteSpace(url))
        {
            app.Lifetime.ApplicationStarted.Register(() =>
                app.Logger.LogInformation("gRPC (HTTP/2, cleartext): {GrpcUrl}  gRPC-Web: on the site's port", url.TrimEnd('/')));
        }

        return app;
    }

    private static bool ReflectionEnabled(GrpcOptions options, IHostEnvironment environment) =>
        options.EnableReflection ?? environment.IsDevelopment();

    /// <summary>
    /// Adds <paramref name="grpcUrl"/> to the addresses the host binds (the <c>urls</c> setting, i.e. <c>--urls</c>,
    /// <c>ASPNETCORE_URLS</c> or appsettings' <c>Urls</c>) and makes the endpoint on its port HTTP/2 only. Kestrel's
    /// own <c>Listen</c> calls would replace the urls setting; adding to it keeps the main port where it was told to be.
    /// Cleartext HTTP/2 cannot share a port with HTTP/1.1, hence the second port.
    /// </summary>
    private static void AddGrpcPort(WebApplicationBuilder builder, string? grpcUrl)
    {
        if (string.IsNullOrWhiteSpace(grpcUrl))
        {
            return;
        }

        // The port tells the gRPC endpoint from the others, so it must be known before binding (not 0).
        if (!Uri.TryCreate(grpcUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Port == 0)
        {
            throw new InvalidOperationException(
                $"Grpc:Url '{grpcUrl}' is not an http URL with a port, such as {GrpcOptions.DefaultUrl}. Set it to such a URL, or to an empty value to serve gRPC without a port of its own.");
        }

        var port = uri.Port;
        var mainUrls = MainUrls(builder.Configuration);
        if (mainUrls.Any(url => Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var main) && main.Port == port))
        {
            throw new InvalidOperationException(
                $"Grpc:Url '{grpcUrl}' uses a port the site also listens on ({string.Join(';', mainUrls)}). Give gRPC a port of its own, or set Grpc:Url to an empty value.");
        }

        builder.WebHost.UseUrls([.. mainUrls, grpcUrl]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
        {
            if (endpoint.IPEndPoint?.Port == port)
            {
                endpoint.Protocols = HttpProtocols.Http2;
            }
        }));
    }

    /// <summary>The addresses the host would bind without gRPC's: the urls setting, else the http(s)_ports settings, else Kestrel's default.</summary>
    private static List<string> MainUrls(ConfigurationManager configuration)
    {
        static IEnumerable<string> Split(string? value) =>
            (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey]).ToList();
        if (urls.Count == 0)
        {
            urls.AddRange(Split(configuration[WebHostDefaults.HttpPortsKey]).Select(p => $"http://*:{p}"));
            urls.AddRange(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => $"https://*:{p}"));
        }

        if (urls.Count == 0)
        {
            urls.Add("http://localhost:5000");
        }

        return urls;
    }
}
