using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoffeeShop.Domain.ApiKeys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>What /graphql answered: the status, the media type and the JSON body.</summary>
public sealed record GraphQLAnswer(HttpStatusCode Status, string? MediaType, JsonElement Body)
{
    /// <summary>Whether the response has a <c>data</c> entry: the spec leaves it out when nothing was executed.</summary>
    public bool HasData => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("data", out _);

    public JsonElement Data => Body.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    /// <summary>The codes of the errors, in order.</summary>
    public IReadOnlyList<string?> Codes => [.. Errors.Select(e => e.GetProperty("extensions").GetProperty("code").GetString())];

    /// <summary>The one error's extensions; fails when there is not exactly one error.</summary>
    public JsonElement Extensions => Errors.Count == 1
        ? Errors[0].GetProperty("extensions")
        : throw new InvalidOperationException($"Expected one error, got {Errors.Count}: {Body}");

    public override string ToString() => $"{(int)Status} {MediaType}: {Body}";
}

/// <summary>Calls /graphql as a client would: POST with a JSON body, or GET with the query string.</summary>
public static class GraphQLRequests
{
    public const string ResponseMediaType = "application/graphql-response+json";

    public static async Task<GraphQLAnswer> GraphQLAsync(
        this HttpClient client, string query, object? variables = null, string accept = ResponseMediaType, string? operationName = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = JsonSerializer.Serialize(new { query, variables, operationName });
        return await PostGraphQLAsync(client, body, accept);
    }

    /// <summary>POSTs a raw body (a batch, a broken document…) to /graphql.</summary>
    public static async Task<GraphQLAnswer> PostGraphQLAsync(this HttpClient client, string body, string accept = ResponseMediaType, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(client, request);
    }

    public static async Task<GraphQLAnswer> GetGraphQLAsync(this HttpClient client, string query, string accept = ResponseMediaType)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(client, request);
    }

    /// <summary>A client that sends a new API key with <paramref name="role"/> as X-Api-Key.</summary>
    public static async Task<HttpClient> CreateClientWithApiKeyAsync(this CoffeeShopWebFactory factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var issued = await factory.WithScopeAsync(s => s.GetRequiredService<ApiKeyService>()
            .CreateAsync("graphql-" + Guid.NewGuid().ToString("N"), role, null, CancellationToken.None));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(CoffeeShop.Web.Security.AuthSchemes.ApiKeyHeader, issued.PlainKey);
        return client;
    }

    private static async Task<GraphQLAnswer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json);
    }
}
