using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.ErrorHandling;

/// <summary>
/// Turns exceptions on API routes into problem details: domain failures into their status codes,
/// anything else into a 500 that says nothing internal. Page requests fall through to the error page.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware may already have pointed the request at the error page: judge by the original path.
        var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!ApiRequests.IsApiPath(originalPath))
        {
            return false;
        }

        var problem = ToProblem(exception);
        problem.Instance = originalPath;
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        DomainValidationException invalid => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [FieldNames.ToJson(invalid.Key)] = [invalid.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        },
        RequestValidationException invalid => new ValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        },
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not Found", notFound.Message),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message),
        IdempotencyKeyReusedException reused => Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable Content", reused.Message),
        ConcurrencyException stale => Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed", stale.Message),
        DomainException domain => Problem(StatusCodes.Status400BadRequest, "Bad Request", domain.Message),
        BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload Too Large" : "Bad Request", "The request could not be read."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Internal Server Error", "Something went wrong on our side. Quote the traceId if you contact us."),
    };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
