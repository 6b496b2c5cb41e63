using CoffeeShop.Domain.Common;
using CoffeeShop.Web.Validation;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQL.Validation.Errors.Custom;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// Every error the GraphQL endpoint reports, and its <c>extensions.code</c>: domain exceptions become GraphQL
/// errors here (and nowhere else), as the JSON API's exception handler turns them into problem details.
/// </summary>
public static class GraphQLErrors
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string RateLimited = "RATE_LIMITED";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string BadRequest = "BAD_REQUEST";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>The sentence every unexpected failure gets: nothing internal reaches the caller.</summary>
    public const string InternalMessage = "An unexpected error occurred. Quote the traceId when reporting it.";

    public static GraphQLUserError SignInRequired() => new(Unauthenticated, "Sign in (a bearer token or an API key) to do this.");

    public static GraphQLUserError RoleRequired() => new(Forbidden, "Your role does not allow this.");

    public static GraphQLUserError Invalid(string field, string message) => new(BadUserInput, message, field);

    /// <summary>A limit of the endpoint refused the document before it ran; <paramref name="limit"/> names the setting.</summary>
    public static GraphQLUserError LimitExceeded(string limit, string message) => new(ValidationFailed, message) { Limit = limit };

    /// <summary>The GraphQL error a domain exception stands for; null for anything else (an internal failure).</summary>
    public static GraphQLUserError? FromDomain(Exception exception) => exception switch
    {
        DomainValidationException invalid => Invalid(FieldNames.ToJson(invalid.Key), invalid.Message),
        NotFoundException notFound => new(NotFound, notFound.Message),
        ConflictException or ConcurrencyException => new(Conflict, exception.Message),
        DomainException other => new(BadUserInput, other.Message),
        _ => null,
    };

    /// <summary>
    /// GraphQL.NET's hook for exceptions thrown by resolvers: domain failures become their GraphQL errors, anything
    /// else a fixed sentence (logged with its details, which never reach the caller).
    /// </summary>
    public static Task HandleUnhandledAsync(UnhandledExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (FromDomain(context.OriginalException) is { } error)
        {
            context.Exception = error;
            return Task.CompletedTask;
        }

        if (context.OriginalException is not OperationCanceledException)
        {
            var logger = context.ExecutionOptions.RequestServices?.GetService<ILogger<GraphQLUserError>>();
            logger?.LogError(context.OriginalException, "A GraphQL resolver failed at {Path}", context.FieldContext?.Path);
        }

        context.Exception = new GraphQLUserError(InternalServerError, InternalMessage);
        return Task.CompletedTask;
    }

    /// <summary>The code an error carries, for ours and for GraphQL.NET's own (syntax, validation, coercion).</summary>
    public static string CodeOf(ExecutionError error) => error switch
    {
        GraphQLUserError ours => ours.Code ?? BadUserInput,
        SyntaxError => ParseFailed,
        InvalidVariableError or ArgumentsOfCorrectTypeError or InvalidValueError or InvalidLiteralError
            or ProvidedNonNullArgumentsError or OneOfInputValuesError => BadUserInput,
        ComplexityError or NoIntrospectionError or ValidationError => ValidationFailed,
        DocumentError => BadRequest,
        _ => InternalServerError,
    };
}

/// <summary>An error with the code (and, for bad input, the field or the limit) that the response's extensions carry.</summary>
public sealed class GraphQLUserError : ExecutionError
{
    public GraphQLUserError(string code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>The input the error is about, named as in the JSON API (<c>lines[0].menuItemId</c>).</summary>
    public string? Field { get; }

    /// <summary>The configuration key (under GraphQL:) of the limit that refused the document.</summary>
    public string? Limit { get; init; }
}

/// <summary>Writes each error as <c>{message, locations, path, extensions: {code, field?, limit?}}</c> and nothing more.</summary>
internal sealed class GraphQLErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var extensions = new Dictionary<string, object?> { ["code"] = GraphQLErrors.CodeOf(executionError) };
        if (executionError is GraphQLUserError { Field: { } field })
        {
            extensions["field"] = field;
        }

        var limit = executionError switch
        {
            GraphQLUserError ours => ours.Limit,
            LimitError refused => refused.Limit,
            _ => null,
        };
        if (limit is not null)
        {
            extensions["limit"] = limit;
        }

        return new ErrorInfo { Message = executionError.Message, Extensions = extensions };
    }
}
