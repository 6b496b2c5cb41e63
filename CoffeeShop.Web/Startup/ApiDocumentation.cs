using CoffeeShop.Web.Http;

namespace CoffeeShop.Web.Startup;

/// <summary>The OpenAPI document, with Swagger UI at /docs and ReDoc at /redoc, as FastAPI gives by default.</summary>
internal static partial class ApiDocumentation
{
    public const string DocumentUrl = "/openapi/v1.json";

    public static IServiceCollection AddCoffeeShopApiDocumentation(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CoffeeShop API";
                document.Info.Version = "v1";
                document.Info.Description =
                    "The coffee menu and orders of CoffeeShop. `/coffee/*` is a drop-in for the Sample APIs coffee API " +
                    "(json-server 0.17 conventions); `/api/v1/*` is the versioned API. Errors are RFC 9457 problem details.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<SecuritySchemesTransformer>();
            options.AddOperationTransformer<SecurityRequirementsTransformer>();
            options.AddOperationTransformer<OpenApiExamplesTransformer>();
            options.AddDocumentTransformer<OpenApiRequestBodyTransformer>();

            // Every GET also answers HEAD (HeadRequests); a HEAD twin of each GET operation would only repeat it.
            var include = options.ShouldInclude;
            options.ShouldInclude = description => !HttpMethods.IsHead(description.HttpMethod ?? string.Empty) && include(description);
        });
        return services;
    }

    public static void MapCoffeeShopApiDocument(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous().AnswerHeadLikeGet();
        app.MapOpenApi("/openapi.json").AllowAnonymous().AnswerHeadLikeGet();
    }

    /// <summary>The two documentation UIs are static pages served before routing, so no endpoint policy applies.</summary>
    public static void UseCoffeeShopApiDocumentationUi(this WebApplication app)
    {
        // Both UIs match every request's path against a pattern; only their own prefixes need to pay for that.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/docs") || context.Request.Path.StartsWithSegments("/redoc"),
            ui => ui.UseDocumentationUi());
    }

    private static void UseDocumentationUi(this IApplicationBuilder app)
    {
        app.Use((context, next) => context.Request.Path == ReDocBundle.Path ? ReDocBundle.WriteAsync(context) : next(context));
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.DocumentTitle = "CoffeeShop API – Swagger UI";
            o.SwaggerEndpoint(DocumentUrl, "CoffeeShop API v1");
            o.ConfigObject.ValidatorUrl = null;
            o.IndexStream = OwnHostOnly(o.IndexStream);
        });
        app.UseReDoc(o =>
        {
            o.RoutePrefix = "redoc";
            o.DocumentTitle = "CoffeeShop API – ReDoc";
            o.SpecUrl = DocumentUrl;
            o.IndexStream = OwnHostOnly(o.IndexStream);
        });
    }

    /// <summary>
    /// The UI's page without its links to other hosts: ReDoc's template loads web fonts from Google, and the docs, like
    /// every page, load nothing from another host (the CSP forbids it too). The page falls back to local fonts.
    /// </summary>
    private static Func<Stream> OwnHostOnly(Func<Stream> index) => () =>
    {
        using var reader = new StreamReader(index());
        var page = OtherHostLinks().Replace(reader.ReadToEnd(), string.Empty);
        return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(page));
    };

    /// <summary>
    /// ReDoc's bundle as Swashbuckle ships it, but with its sidebar logo ("API docs by Redocly", an image on
    /// cdn.redoc.ly) made an inline image: the docs load nothing from another host. Built once, on first use.
    /// </summary>
    private static class ReDocBundle
    {
        public static readonly PathString Path = "/redoc/redoc.standalone.js";

        private const string Resource = "Swashbuckle.AspNetCore.ReDoc.node_modules.redoc.bundles.redoc.standalone.js";
        private const string BlankImage = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";

        private static readonly Lazy<byte[]> Patched = new(Build);

        public static Task WriteAsync(HttpContext context)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            context.Response.Headers.CacheControl = "public, max-age=3600";
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.ContentLength = Patched.Value.Length;
                return Task.CompletedTask;
            }

            return context.Response.Body.WriteAsync(Patched.Value).AsTask();
        }

        private static byte[] Build()
        {
            using var resource = typeof(Swashbuckle.AspNetCore.ReDoc.ReDocOptions).Assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"Swashbuckle no longer embeds {Resource}; check how ReDoc is served.");
            using var buffered = new MemoryStream();
            resource.CopyTo(buffered);
            var bytes = buffered.ToArray();
            if (bytes is [0x1f, 0x8b, ..])
            {
                using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                bytes = plain.ToArray();
            }

            var script = RedoclyCdn().Replace(System.Text.Encoding.UTF8.GetString(bytes), BlankImage);
            return System.Text.Encoding.UTF8.GetBytes(script);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("""https://cdn\.redoc\.ly/[^"'`\s)]*""")]
    private static partial System.Text.RegularExpressions.Regex RedoclyCdn();

    [System.Text.RegularExpressions.GeneratedRegex("""<link[^>]*\shref=["']?(?:https?:)?//[^>]*>\s*""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex OtherHostLinks();
}
