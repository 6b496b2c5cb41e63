using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Integration.Web.ErrorHandling;

/// <summary>
/// Every operation that /openapi.json lists, read from the document when the tests are made (a new operation is
/// covered without editing this file), meets a fixed catalogue of bad input: no or wrong Content-Type, an empty body,
/// <c>null</c>, nulls in arrays and objects, wrong JSON types per property, lone surrogates, NUL and control
/// characters, 100 KB strings, huge, negative and fractional numbers, deep nesting, unknown fields, bad path ids and
/// query values. Each is sent without credentials and as an admin (so validation is reached). Whatever the input: no
/// 5xx; every 4xx is problem details with a traceId; a protected operation tells a caller without credentials 401.
/// One app serves the whole fixture; each operation × case is its own test, named by both.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
[NonParallelizable]
public sealed class OpenApiNegativeTests
{
    private static readonly Lazy<Fixture> Shared = new(Fixture.Start);

    /// <summary>
    /// Path ids that are not a row: zero, negative, past int and long, not a number. (A NUL in a path never reaches
    /// the app: Kestrel refuses it, and the in-memory test server cannot even send it.)
    /// </summary>
    private static readonly string[] BadIds = ["0", "-1", "2147483648", "9223372036854775808", "abc", "1.5", "%E2%80%AE"];

    /// <summary>Query values no parameter takes.</summary>
    private static readonly string[] BadQueryValues = ["-1", "2147483648", "9223372036854775808", "1.5", "abc", "%00", "%ED%A0%80", new string('q', 5000)];

    private const string LoneSurrogate = "\\ud800";

    public static IEnumerable<TestCaseData> Cases()
    {
        var document = Shared.Value.Document;
        foreach (var operation in Operation.AllIn(document))
        {
            foreach (var (name, request) in Catalogue(operation, document))
            {
                yield return new TestCaseData(operation.IsProtected, request).SetArgDisplayNames($"{operation}", name);
            }
        }
    }

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        if (Shared.IsValueCreated)
        {
            await Shared.Value.DisposeAsync();
        }
    }

    [Test]
    public void Document_ListsTheOperationsOfBothApis()
    {
        var operations = Operation.AllIn(Shared.Value.Document).Select(o => o.ToString()).ToList();

        Assert.That(operations, Does.Contain("POST /api/v1/orders").And.Contain("PATCH /coffee/{category}/{id}").And.Contain("POST /api/v1/auth/token"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Operation_BadInput_AnswersAClientErrorAsProblemDetails(bool isProtected, BadRequest bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var app = Shared.Value;

        // Headers first: a success may be a stream that does not end (server-sent events); only errors are read.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var anonymous = await app.Anonymous.SendAsync(bad.ToMessage(), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var admin = await app.Admin.SendAsync(bad.ToMessage(), HttpCompletionOption.ResponseHeadersRead, timeout.Token);

        await AssertAnswerAsync(anonymous, "without credentials");
        await AssertAnswerAsync(admin, "as admin");
        if (isProtected)
        {
            // A path its route's constraints refuse ({id:int} and "abc") reaches no endpoint: that 404 is a fact about
            // the address, the same for anyone (docs/security.md). Everything that reaches the endpoint meets 401 first.
            var expected = bad.ReachesTheOperation ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound;
            Assert.That(anonymous.StatusCode, Is.EqualTo(expected), "a protected operation says 401 before anything else");
        }
    }

    private static async Task AssertAnswerAsync(HttpResponseMessage response, string who)
    {
        var status = (int)response.StatusCode;
        if (status >= 400)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(status, Is.LessThan(500), $"{who}: {status} {body}");
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ProblemDetailsReader.MediaType), $"{who}: {status} {body}");
            using var problem = JsonDocument.Parse(body);
            Assert.That(problem.RootElement.TryGetProperty("traceId", out _), Is.True, $"{who}: {status} {body}");
            Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(status), who);
        }
    }

    /// <summary>The fixed catalogue for one operation.</summary>
    private static IEnumerable<(string Name, BadRequest Request)> Catalogue(Operation operation, JsonElement document)
    {
        var url = operation.Url(null);
        foreach (var id in BadIds.Where(_ => operation.IdParameter is not null))
        {
            // An {id:int} route refuses what is not a number; a {code} route takes any segment, and the action answers it.
            var routed = !operation.IdIsInteger || int.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            yield return ($"path id {id}", new BadRequest(operation.Method, operation.Url(id), null, null) { ReachesTheOperation = routed });
        }

        if (operation.HasCategory)
        {
            yield return ("category unknown", new BadRequest(operation.Method, url.Replace("/hot", "/tea", StringComparison.Ordinal), null, null));
            yield return ("category encoded slash", new BadRequest(operation.Method, url.Replace("/hot", "/h%2Fot", StringComparison.Ordinal), null, null));
            yield return ("category 2 KB", new BadRequest(operation.Method, url.Replace("/hot", "/" + new string('h', 2048), StringComparison.Ordinal), null, null));
        }

        foreach (var value in BadQueryValues.Where(_ => operation.QueryParameters.Count > 0))
        {
            var query = string.Join("&", operation.QueryParameters.Select(p => $"{p}={value}"));
            yield return ($"query {(value.Length > 20 ? "5000 chars" : value)}", new BadRequest(operation.Method, $"{url}?{query}", null, null));
        }

        if (operation.Header is { } header)
        {
            yield return ("header empty", new BadRequest(operation.Method, url, "application/json", "{}", new() { [header] = "" }));
            yield return ("header 10 KB", new BadRequest(operation.Method, url, "application/json", "{}", new() { [header] = new string('k', 10_000) }));
        }

        foreach (var mediaType in operation.MediaTypes)
        {
            var suffix = operation.MediaTypes.Count > 1 ? $" as {mediaType}" : string.Empty;
            foreach (var (name, request) in BodyCatalogue(operation, document, mediaType))
            {
                yield return (name + suffix, request);
            }
        }
    }

    /// <summary>The bodies of the catalogue, for one media type the operation takes.</summary>
    private static IEnumerable<(string Name, BadRequest Request)> BodyCatalogue(Operation operation, JsonElement document, string mediaType)
    {
        var url = operation.Url(null);
        var properties = operation.BodyProperties(document, mediaType);
        yield return ("no Content-Type", new BadRequest(operation.Method, url, null, "{}"));
        yield return ("wrong Content-Type", new BadRequest(operation.Method, url, "text/plain", "{}"));
        yield return ("form Content-Type", new BadRequest(operation.Method, url, "application/x-www-form-urlencoded", "a=1"));
        yield return ("empty body", new BadRequest(operation.Method, url, mediaType, ""));
        yield return ("null", new BadRequest(operation.Method, url, mediaType, "null"));
        yield return ("array of null", new BadRequest(operation.Method, url, mediaType, "[null]"));
        yield return ("string", new BadRequest(operation.Method, url, mediaType, "\"x\""));
        yield return ("number", new BadRequest(operation.Method, url, mediaType, "1"));
        yield return ("not JSON", new BadRequest(operation.Method, url, mediaType, "{\"a\":"));
        yield return ("deep arrays", new BadRequest(operation.Method, url, mediaType, new string('[', 5000) + new string(']', 5000)));
        yield return ("deep objects", new BadRequest(operation.Method, url, mediaType, string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)));
        yield return ("unknown fields", new BadRequest(operation.Method, url, mediaType, "{\"zz\":1,\"constructor\":{},\"__proto__\":null}"));
        yield return ("lone surrogate name", new BadRequest(operation.Method, url, mediaType, $"{{\"{LoneSurrogate}\":1}}"));

        if (properties.Count == 0)
        {
            yield break;
        }

        yield return ("every property null", Body(operation, mediaType, properties, _ => null));
        yield return ("nulls inside arrays", Body(operation, mediaType, properties, kind => kind == "array" ? new JsonArray(null, null) : Valid(kind)));
        yield return ("objects in arrays with nulls", Body(operation, mediaType, properties, kind => kind == "array" ? new JsonArray(new JsonObject { ["a"] = null }) : Valid(kind)));
        yield return ("wrong types", Body(operation, mediaType, properties, WrongType));
        yield return ("lone surrogates", RawBody(operation, mediaType, properties, kind => kind is "string" ? $"\"{LoneSurrogate}\"" : kind is "array" ? $"[\"{LoneSurrogate}\"]" : null));
        yield return ("NUL and control characters", Body(operation, mediaType, properties, kind => kind is "string" ? "\0\u0001\u001f\u007f\u2028" : kind is "array" ? new JsonArray("\0", "\u001b") : Valid(kind)));
        yield return ("100 KB strings", Body(operation, mediaType, properties, kind => kind is "string" ? new string('s', 100_000) : Valid(kind)));
        yield return ("10 KB strings", Body(operation, mediaType, properties, kind => kind is "string" ? new string('s', 10_000) : kind is "array" ? new JsonArray(new string('i', 10_000)) : Valid(kind)));
        yield return ("huge numbers", RawBody(operation, mediaType, properties, kind => kind is "integer" or "number" ? "1e400" : null));
        yield return ("past long", RawBody(operation, mediaType, properties, kind => kind is "integer" or "number" ? "9223372036854775808" : null));
        yield return ("negative numbers", Body(operation, mediaType, properties, kind => kind is "integer" or "number" ? -1 : Valid(kind)));
        yield return ("fractional numbers", Body(operation, mediaType, properties, kind => kind is "integer" or "number" ? 1.5 : Valid(kind)));
        yield return ("numbers as strings", Body(operation, mediaType, properties, kind => kind is "integer" or "number" ? "1" : Valid(kind)));
        yield return ("every field plus unknown", RawBody(operation, mediaType, properties, kind => null, "\"zz\":[1,{\"a\":null}]"));
    }

    private static BadRequest Body(Operation operation, string mediaType, IReadOnlyList<(string Name, string Kind)> properties, Func<string, JsonNode?> value)
    {
        var body = new JsonObject();
        foreach (var (name, kind) in properties)
        {
            body[name] = value(kind);
        }

        return new BadRequest(operation.Method, operation.Url(null), mediaType, body.ToJsonString());
    }

    /// <summary>A body written as text, for what a JSON writer will not write (lone surrogates, numbers past double).</summary>
    private static BadRequest RawBody(Operation operation, string mediaType, IReadOnlyList<(string Name, string Kind)> properties, Func<string, string?> raw, string? extra = null)
    {
        var members = properties.Select(p => $"\"{p.Name}\":{raw(p.Kind) ?? Valid(p.Kind)?.ToJsonString() ?? "null"}");
        var all = extra is null ? members : members.Append(extra);
        return new BadRequest(operation.Method, operation.Url(null), mediaType, "{" + string.Join(",", all) + "}");
    }

    private static JsonNode? Valid(string kind) => kind switch
    {
        "string" => "x",
        "integer" => 1,
        "number" => 1.5,
        "boolean" => true,
        "array" => new JsonArray("x"),
        "object" => new JsonObject(),
        _ => null,
    };

    private static JsonNode? WrongType(string kind) => kind switch
    {
        "string" => 123,
        "integer" or "number" => "x",
        "boolean" => "yes",
        "array" => new JsonObject { ["a"] = 1 },
        "object" => new JsonArray(1),
        _ => new JsonArray(),
    };

    /// <summary>One bad request: method, URL, Content-Type (null for none), body (null for none), extra headers.</summary>
    public sealed record BadRequest(string Method, string Url, string? ContentType, string? Body, Dictionary<string, string>? Headers = null)
    {
        /// <summary>False when the route's constraints refuse the path, so no endpoint is reached.</summary>
        public bool ReachesTheOperation { get; init; } = true;

        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
            if (Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
                if (ContentType is not null)
                {
                    message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
                }
            }

            foreach (var (name, value) in Headers ?? [])
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            return message;
        }

        public override string ToString() => $"{Method} {Url} ({ContentType ?? "no Content-Type"})";
    }

    /// <summary>An operation as the document lists it.</summary>
    private sealed record Operation(string Method, string Path, JsonElement Definition)
    {
        public bool IsProtected => Definition.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;

        public string? IdParameter => Parameters("path").FirstOrDefault(p => p != "category");

        public bool IdIsInteger => Definition.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == IdParameter
                && p.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) && type.ToString().Contains("integer", StringComparison.Ordinal));

        public bool HasCategory => Parameters("path").Contains("category");

        public IReadOnlyList<string> QueryParameters => [.. Parameters("query")];

        public string? Header => Parameters("header").FirstOrDefault();

        /// <summary>The concrete media types the body is documented in; none when the operation takes no body.</summary>
        public IReadOnlyList<string> MediaTypes => Definition.TryGetProperty("requestBody", out var body)
            ? [.. body.GetProperty("content").EnumerateObject().Select(c => c.Name).Where(n => !n.Contains('*', StringComparison.Ordinal))]
            : [];

        public static IEnumerable<Operation> AllIn(JsonElement document) =>
            document.GetProperty("paths").EnumerateObject()
                .SelectMany(path => path.Value.EnumerateObject()
                    .Where(o => o.Name is "get" or "put" or "post" or "patch" or "delete")
                    .Select(o => new Operation(o.Name.ToUpperInvariant(), path.Name, o.Value)));

        /// <summary>The path with its parameters filled: a seeded id (or <paramref name="id"/>) and the hot category.</summary>
        public string Url(string? id)
        {
            var url = Path.Replace("{category}", "hot", StringComparison.Ordinal);
            return IdParameter is { } name ? url.Replace($"{{{name}}}", id ?? "1", StringComparison.Ordinal) : url;
        }

        /// <summary>The body's top-level properties and their JSON kinds, from its schema (a reference resolved).</summary>
        public IReadOnlyList<(string Name, string Kind)> BodyProperties(JsonElement document, string mediaType)
        {
            var schema = Definition.GetProperty("requestBody").GetProperty("content").GetProperty(mediaType).GetProperty("schema");
            schema = Resolve(schema, document);
            if (!schema.TryGetProperty("properties", out var properties))
            {
                return [];
            }

            return [.. properties.EnumerateObject().Select(p => (p.Name, Kind(Resolve(p.Value, document))))];
        }

        public override string ToString() => $"{Method} {Path}";

        private IEnumerable<string> Parameters(string where) =>
            Definition.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == where).Select(p => p.GetProperty("name").GetString()!)
                : [];

        private static JsonElement Resolve(JsonElement schema, JsonElement document)
        {
            if (schema.TryGetProperty("oneOf", out var oneOf))
            {
                schema = oneOf.EnumerateArray().FirstOrDefault(s => s.TryGetProperty("$ref", out _), schema);
            }

            return schema.TryGetProperty("$ref", out var reference)
                ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
                : schema;
        }

        private static string Kind(JsonElement schema)
        {
            if (!schema.TryGetProperty("type", out var type))
            {
                return "object";
            }

            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()!).First(t => t != "null")
                : type.GetString()!;
        }
    }

    /// <summary>The app, its document, and a client without credentials and one with an admin's bearer token.</summary>
    private sealed class Fixture : IAsyncDisposable
    {
        private readonly CoffeeShopWebFactory _factory;

        private Fixture(CoffeeShopWebFactory factory, JsonElement document, HttpClient anonymous, HttpClient admin)
        {
            _factory = factory;
            Document = document;
            Anonymous = anonymous;
            Admin = admin;
        }

        public JsonElement Document { get; }

        public HttpClient Anonymous { get; }

        public HttpClient Admin { get; }

        public static Fixture Start()
        {
            var factory = new CoffeeShopWebFactory();
            var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var admin = factory.CreateClientAsAsync(AppRoles.Admin).GetAwaiter().GetResult();
            using var document = JsonDocument.Parse(anonymous.GetStringAsync(new Uri("/openapi.json", UriKind.Relative)).GetAwaiter().GetResult());
            return new Fixture(factory, document.RootElement.Clone(), anonymous, admin);
        }

        public async ValueTask DisposeAsync()
        {
            Anonymous.Dispose();
            Admin.Dispose();
            await _factory.DisposeAsync();
        }
    }
}
