using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>An RFC 9457 problem document as a client reads it.</summary>
public sealed record ProblemDocument(
    int? Status,
    string? Title,
    string? Detail,
    string? Type,
    string? Instance,
    string? TraceId,
    IReadOnlyDictionary<string, string[]> Errors,
    JsonElement Json);

public static class ProblemDetailsReader
{
    public const string MediaType = "application/problem+json";

    /// <summary>Reads the body as problem details, first asserting that it is served as <c>application/problem+json</c>.</summary>
    public static async Task<ProblemDocument> ReadProblemAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(MediaType), "problem details content type");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(json.ValueKind, Is.EqualTo(JsonValueKind.Object), "problem details must be a JSON object");

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (json.TryGetProperty("errors", out var errorMap) && errorMap.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errorMap.EnumerateObject())
            {
                errors[field.Name] = field.Value.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray();
            }
        }

        return new ProblemDocument(
            json.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32() : null,
            StringOrNull(json, "title"),
            StringOrNull(json, "detail"),
            StringOrNull(json, "type"),
            StringOrNull(json, "instance"),
            StringOrNull(json, "traceId"),
            errors,
            json);
    }

    /// <summary>
    /// Asserts the response is the problem document every API error must be: the expected status in the
    /// status line and the body, a title, a trace id, and nothing internal (exception types, stack frames).
    /// </summary>
    public static async Task<ProblemDocument> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.StatusCode, Is.EqualTo(status), "status line");
        var raw = await response.Content.ReadAsStringAsync();
        var problem = await response.ReadProblemAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Status, Is.EqualTo((int)status), "status in the body");
            Assert.That(problem.Title, Is.Not.Null.And.Not.Empty, "title");
            Assert.That(Uri.TryCreate(problem.Type, UriKind.Absolute, out _), Is.True, $"type is a link to the status's definition, was '{problem.Type}'");
            Assert.That(problem.TraceId, Is.Not.Null.And.Not.Empty, "traceId");
            Assert.That(raw, Does.Not.Contain("Exception").And.Not.Contain(" at CoffeeShop.").And.Not.Contain(" at Microsoft."), "nothing internal");
        }

        return problem;
    }

    private static string? StringOrNull(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
