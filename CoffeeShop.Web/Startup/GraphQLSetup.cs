using CoffeeShop.Web.GraphQL;
using CoffeeShop.Web.Http;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace CoffeeShop.Web.Startup;

/// <summary>
/// GraphQL.NET behind the app's own endpoint (docs/graphql.md): POST and GET /graphql, the SDL, and GraphiQL at
/// /graphql/ui. The routes are anonymous at the endpoint; each field checks its caller (GraphQLCaller).
/// </summary>
internal static class GraphQLSetup
{
    public static IServiceCollection AddCoffeeShopGraphQL(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var limits = configuration.GetSection(GraphQLOptions.SectionName).Get<GraphQLOptions>() ?? new GraphQLOptions();
        var introspection = limits.Introspection ?? environment.IsDevelopment();
        services.AddSingleton(limits);
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddScoped<MenuItemBatchLoader>();
        services.AddScoped<OptionCatalogLoader>();

        // First in line, so the framework's own problem-details writers never answer for /graphql.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, GraphQLProblemWriter>());

        services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema<CoffeeShopSchema>()
                .AddSystemTextJson()
                .AddGraphTypes(typeof(CoffeeShopSchema).Assembly)
                .AddErrorInfoProvider<GraphQLErrorInfoProvider>()
                .AddUnhandledExceptionHandler(GraphQLErrors.HandleUnhandledAsync)

                // The request's DbContext serves one field at a time: queries run serially, as mutations always do.
                .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
                .AddComplexityAnalyzer(complexity => GraphQLLimits.ConfigureComplexity(complexity, limits))
                .AddValidationRule(new AliasLimitRule(limits));
            if (!introspection)
            {
                graphQL.AddValidationRule(NoIntrospectionValidationRule.Instance);
            }
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCoffeeShopGraphQL(this IEndpointRouteBuilder app)
    {
        var handler = app.ServiceProvider.GetRequiredService<GraphQLHttpHandler>();

        // GraphQL is described by its own SDL, not by the REST API's OpenAPI document.
        app.MapPost(GraphQLPaths.Endpoint, handler.PostAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods(GraphQLPaths.Endpoint, [HttpMethods.Get, HttpMethods.Head], handler.GetAsync).AllowAnonymous().ExcludeFromDescription();

        var sdl = new Lazy<string>(() => app.ServiceProvider.GetRequiredService<CoffeeShopSchema>().Print(new PrintOptions { IncludeDescriptions = true }));
        app.MapMethods(GraphQLPaths.Schema, [HttpMethods.Get, HttpMethods.Head], () => Results.Text(sdl.Value, "text/plain; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapMethods(GraphQLPaths.Ide, [HttpMethods.Get, HttpMethods.Head], () => Results.Content(GraphQLIdePage.Html, "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
