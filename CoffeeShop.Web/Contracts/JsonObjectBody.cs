using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CoffeeShop.Web.Contracts;

/// <summary>
/// A JSON object body kept raw, so <see cref="JsonBodyReader"/> can tell a missing field from a null one.
/// <typeparamref name="TModel"/> is what the body is read into, and what OpenAPI shows as its schema.
/// </summary>
[JsonConverter(typeof(JsonObjectBodyConverterFactory))]
public sealed class JsonObjectBody<TModel>
    where TModel : class
{
    public JsonObject? Json { get; init; }
}

internal sealed class JsonObjectBodyConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(JsonObjectBody<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(JsonObjectBodyConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class JsonObjectBodyConverter<TModel> : JsonConverter<JsonObjectBody<TModel>>
    where TModel : class
{
    public override JsonObjectBody<TModel> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The body must be a JSON object.");
        }

        RequestJson.RequireWellFormed(root, "body");
        return new JsonObjectBody<TModel> { Json = JsonObject.Create(root.Clone()) };
    }

    public override void Write(Utf8JsonWriter writer, JsonObjectBody<TModel> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        (value.Json ?? []).WriteTo(writer, options);
    }
}
