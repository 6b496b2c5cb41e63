using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>
/// A JSON object body kept raw, so the reader can tell a missing field from a null one. Documented in
/// OpenAPI as <see cref="MenuItemRequest"/>.
/// </summary>
[JsonConverter(typeof(MenuItemRequestBodyConverter))]
public sealed class MenuItemRequestBody
{
    public JsonObject? Json { get; init; }
}

internal sealed class MenuItemRequestBodyConverter : JsonConverter<MenuItemRequestBody>
{
    public override MenuItemRequestBody Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        return node is JsonObject obj
            ? new MenuItemRequestBody { Json = obj }
            : throw new JsonException("The body must be a JSON object.");
    }

    public override void Write(Utf8JsonWriter writer, MenuItemRequestBody value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        (value.Json ?? []).WriteTo(writer, options);
    }
}
