using System.Diagnostics;
using System.Text.Json.Serialization;
using CoffeeShop.Web.Contracts;
using CoffeeShop.Web.ErrorHandling;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace CoffeeShop.Web.Startup;

/// <summary>MVC, the JSON API conventions, problem details and mapping.</summary>
internal static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddCoffeeShopWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShopOptions>(configuration.GetSection(ShopOptions.SectionName));
        services.AddSingleton<PriceFormatter>();

        // Every form post must carry its antiforgery token; API controllers opt out (they never read the cookie).
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add(new ProblemDetailsContentTypeFilter());
                o.Conventions.Add(new HeadLikeGetConvention());
                o.Conventions.Add(new ApiResponseConvention());
                // Validation errors name fields as clients wrote them (customerName, lines[0].quantity).
                o.ModelMetadataDetailsProviders.Add(new SystemTextJsonValidationMetadataProvider());
                var json = o.InputFormatters.OfType<SystemTextJsonInputFormatter>().First();
                json.SupportedMediaTypes.Add(MediaTypes.JsonPatch);
                json.SupportedMediaTypes.Add(MediaTypes.MergePatch);
            })
            .AddJsonOptions(o =>
            {
                o.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
                RequestJson.AddTo(o.JsonSerializerOptions);
            });
        services.AddCoffeeShopMediaTypeRouting();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Every problem carries the trace id that the request log line carries, and nothing internal.
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;

            // The framework has default titles for some statuses only (none for 429, for one); every problem gets one.
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Title ??= ReasonPhrases.GetReasonPhrase(status);

            // Likewise for the type: the framework links most statuses to their RFC section, not these two.
            context.ProblemDetails.Type ??= status switch
            {
                StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
                _ => null,
            };
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddAutoMapper(_ => { }, typeof(MenuProfile).Assembly);
        return services;
    }

    /// <summary>
    /// Routing by Content-Type with <see cref="MediaTypeMatcherPolicy"/> instead of the framework's policy. A later
    /// AddRouting (AddGrpc and AddSignalR call it) adds the framework's back; <see cref="MediaTypeRouting"/>
    /// keeps it off the API's endpoints then.
    /// </summary>
    private static void AddCoffeeShopMediaTypeRouting(this IServiceCollection services)
    {
        foreach (var framework in services.Where(d => d.ServiceType == typeof(MatcherPolicy) && d.ImplementationType?.Name == "AcceptsMatcherPolicy").ToList())
        {
            services.Remove(framework);
        }

        services.AddSingleton<MatcherPolicy, MediaTypeMatcherPolicy>();
    }
}
