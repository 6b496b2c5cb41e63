using CoffeeShop.Web.Http;

namespace CoffeeShop.Web.Startup;

/// <summary>The OpenAPI document, with Swagger UI at /docs and ReDoc at /redoc, as FastAPI gives by default.</summary>
internal static class ApiDocumentation
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
            options.AddSchemaTransformer<JsonObjectBodySchemaTransformer>();
            options.CreateSchemaReferenceId = JsonObjectBodySchemaTransformer.ReferenceId;

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
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.DocumentTitle = "CoffeeShop API – Swagger UI";
            o.SwaggerEndpoint(DocumentUrl, "CoffeeShop API v1");
        });
        app.UseReDoc(o =>
        {
            o.RoutePrefix = "redoc";
            o.DocumentTitle = "CoffeeShop API – ReDoc";
            o.SpecUrl = DocumentUrl;
        });
    }
}
