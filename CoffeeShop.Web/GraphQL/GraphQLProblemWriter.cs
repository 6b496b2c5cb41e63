using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// Errors that reach /graphql before the endpoint runs (the rate limiter's 429, routing's 405, the body limit's 413)
/// or escape it (500) are written in the GraphQL response format, <c>{"errors":[{message, extensions:{code}}]}</c>,
/// rather than as problem details, so a GraphQL client reads every failure the same way.
/// </summary>
internal sealed class GraphQLProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // After an exception the request has been pointed at the error page: judge by the original path.
        var path = context.HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.HttpContext.Request.Path;
        return GraphQLPaths.IsEndpoint(path);
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var status = context.ProblemDetails.Status ?? response.StatusCode;
        var code = status switch
        {
            StatusCodes.Status429TooManyRequests => GraphQLErrors.RateLimited,
            StatusCodes.Status401Unauthorized => GraphQLErrors.Unauthenticated,
            StatusCodes.Status403Forbidden => GraphQLErrors.Forbidden,
            StatusCodes.Status404NotFound => GraphQLErrors.NotFound,
            >= 500 => GraphQLErrors.InternalServerError,
            _ => GraphQLErrors.BadRequest,
        };
        var message = status switch
        {
            StatusCodes.Status429TooManyRequests => "Too many requests; wait for the number of seconds in Retry-After.",
            >= 500 => GraphQLErrors.InternalMessage,
            _ => context.ProblemDetails.Detail ?? ReasonPhrases.GetReasonPhrase(status),
        };
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(
            response.Body,
            new { errors = new[] { new { message, extensions = new { code } } } },
            cancellationToken: context.HttpContext.RequestAborted);
    }
}

/// <summary>The GraphQL routes.</summary>
public static class GraphQLPaths
{
    public const string Endpoint = "/graphql";
    public const string Ide = "/graphql/ui";
    public const string Schema = "/graphql/schema.graphql";

    /// <summary>True for /graphql itself (and the routes under it that are not pages).</summary>
    public static bool IsEndpoint(PathString path) =>
        path.StartsWithSegments(Endpoint, StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments(Ide, StringComparison.OrdinalIgnoreCase);
}
