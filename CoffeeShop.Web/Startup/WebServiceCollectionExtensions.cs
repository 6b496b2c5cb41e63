using System.Diagnostics;
using System.Text.Json.Serialization;
using CoffeeShop.Web.ErrorHandling;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Models.Common;

namespace CoffeeShop.Web.Startup;

/// <summary>MVC, the JSON API conventions, problem details and mapping.</summary>
internal static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddCoffeeShopWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShopOptions>(configuration.GetSection(ShopOptions.SectionName));
        services.AddSingleton<PriceFormatter>();

        services.AddControllersWithViews(o => o.Filters.Add(new ProblemDetailsContentTypeFilter()))
            .AddJsonOptions(o => o.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Every problem carries the trace id that the request log line carries, and nothing internal.
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddAutoMapper(_ => { }, typeof(MenuProfile));
        return services;
    }
}
