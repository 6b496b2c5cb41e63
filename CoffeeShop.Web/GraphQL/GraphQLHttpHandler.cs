using System.Text.Json;
using CoffeeShop.Web.Http;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Net.Http.Headers;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP spec): POST with a JSON body (one request, or a batch as a JSON array),
/// GET with query-string parameters for queries only. Size and batch limits are checked before parsing; the
/// document is parsed here (to refuse a mutation over GET) and then validated and run by GraphQL.NET.
/// </summary>
/// <remarks>
/// Status codes follow the spec: with <c>Accept: application/graphql-response+json</c> a document that fails to
/// parse or validate (a limit included) is a 400 and an executed one a 200; with <c>application/json</c> (or no
/// Accept) every well-formed request is a 200 and the errors are in the body. A request that is not a GraphQL
/// request at all (no JSON, no query, variables that are not an object, a batch over the limit) is a 400 either way.
/// </remarks>
internal sealed class GraphQLHttpHandler(
    IDocumentExecuter<CoffeeShopSchema> executer,
    IDocumentBuilder documents,
    IGraphQLTextSerializer serializer,
    GraphQLOptions limits)
{
    public const string ResponseMediaType = "application/graphql-response+json";

    public async Task PostAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ResponseMedia(http.Request) is not { } media)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json, $"Accept {ResponseMediaType} or {MediaTypes.Json}.");
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType) || !contentType.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, media, $"Send the request as {MediaTypes.Json}.");
            return;
        }

        List<GraphQLRequest> requests;
        bool isBatch;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            isBatch = body.RootElement.ValueKind == JsonValueKind.Array;
            if (isBatch && body.RootElement.GetArrayLength() is var length && (length == 0 || length > limits.MaxBatchSize))
            {
                await WriteAsync(http, StatusCodes.Status400BadRequest, media, Refused(GraphQLErrors.LimitExceeded(
                    nameof(GraphQLOptions.MaxBatchSize), $"A batch must hold between 1 and {limits.MaxBatchSize} requests.")));
                return;
            }

            requests = isBatch
                ? [.. body.RootElement.EnumerateArray().Select(ReadRequest)]
                : [ReadRequest(body.RootElement)];
        }
        catch (JsonException)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, media, "The body must be a JSON object {query, variables, operationName} or an array of them.");
            return;
        }

        if (requests.Any(r => string.IsNullOrEmpty(r.Query)))
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, media, "query is required.");
            return;
        }

        var results = new List<ExecutionResult>(requests.Count);
        foreach (var request in requests)
        {
            results.Add(await RunAsync(http, request, allowMutation: true) ?? throw new InvalidOperationException("A POST allows every operation."));
        }

        if (isBatch)
        {
            await WriteAsync(http, StatusCodes.Status200OK, media, results);
        }
        else
        {
            await WriteAsync(http, StatusOf(results[0], media), media, results[0]);
        }
    }

    public async Task GetAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ResponseMedia(http.Request) is not { } media)
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json, $"Accept {ResponseMediaType} or {MediaTypes.Json}.");
            return;
        }

        var query = http.Request.Query;
        if (string.IsNullOrEmpty(query["query"]))
        {
            await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, media, "query is required.");
            return;
        }

        Inputs? variables = null;
        if (!string.IsNullOrEmpty(query["variables"]))
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(query["variables"].ToString());
            }
            catch (JsonException)
            {
                await WriteRequestErrorAsync(http, StatusCodes.Status400BadRequest, media, "variables must be a JSON object.");
                return;
            }
        }

        var request = new GraphQLRequest { Query = query["query"], OperationName = query["operationName"], Variables = variables };
        if (await RunAsync(http, request, allowMutation: false) is not { } result)
        {
            http.Response.Headers.Allow = HttpMethods.Post;
            await WriteRequestErrorAsync(http, StatusCodes.Status405MethodNotAllowed, media, "A mutation must be sent with POST.");
            return;
        }

        await WriteAsync(http, StatusOf(result, media), media, result);
    }

    /// <summary>Checks the size, parses, and runs one request; null when it is a mutation that <paramref name="allowMutation"/> refuses.</summary>
    private async Task<ExecutionResult?> RunAsync(HttpContext http, GraphQLRequest request, bool allowMutation)
    {
        var text = request.Query!;
        if (text.Length > limits.MaxDocumentLength)
        {
            return Refused(GraphQLErrors.LimitExceeded(
                nameof(GraphQLOptions.MaxDocumentLength), $"The query is {text.Length} characters long; at most {limits.MaxDocumentLength} are allowed."));
        }

        GraphQLDocument document;
        try
        {
            document = documents.Build(text);
        }
        catch (SyntaxError syntax)
        {
            return Refused(syntax);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return Refused(GraphQLErrors.LimitExceeded(nameof(GraphQLOptions.MaxDepth), "The query is nested too deeply to read."));
        }

        if (!allowMutation && OperationOf(document, request.OperationName) is { Operation: OperationType.Mutation })
        {
            return null;
        }

        return await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = text,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = new GraphQLUserContext(GraphQLCaller.From(http.User)),
            CancellationToken = http.RequestAborted,
        });
    }

    private GraphQLRequest ReadRequest(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? serializer.ReadNode<GraphQLRequest>(element) ?? throw new JsonException()
            : throw new JsonException("A request must be a JSON object.");

    private static GraphQLOperationDefinition? OperationOf(GraphQLDocument document, string? name)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(name)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name is not null && o.Name.StringValue == name);
    }

    /// <summary>The response media type the client accepts (graphql-response+json first); null when it accepts neither.</summary>
    private static string? ResponseMedia(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return MediaTypes.Json;
        }

        if (accept.Any(a => a.MediaType.Equals(ResponseMediaType, StringComparison.OrdinalIgnoreCase)))
        {
            return ResponseMediaType;
        }

        return accept.Any(a => a.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase)
                || a.MediaType.Equals("application/*", StringComparison.Ordinal)
                || a.MediaType.Equals("*/*", StringComparison.Ordinal))
            ? MediaTypes.Json
            : null;
    }

    private static int StatusOf(ExecutionResult result, string media) =>
        media == ResponseMediaType && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private static ExecutionResult Refused(ExecutionError error) => new() { Errors = [error], Executed = false };

    private Task WriteRequestErrorAsync(HttpContext http, int status, string media, string message) =>
        WriteAsync(http, status, media, Refused(new GraphQLUserError(GraphQLErrors.BadRequest, message)));

    private async Task WriteAsync(HttpContext http, int status, string media, object result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = media + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
