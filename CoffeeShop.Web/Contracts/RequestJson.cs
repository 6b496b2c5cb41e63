using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CoffeeShop.Web.ErrorHandling;

namespace CoffeeShop.Web.Contracts;

/// <summary>
/// The rules for text a client may not send, for every reader of request bodies: MVC's JSON options and the raw
/// bodies that <see cref="JsonBodyReader"/> reads.
/// </summary>
public static class RequestJson
{
    /// <summary>Options for reading raw request bodies (merge patches, the compatible writes).</summary>
    public static JsonSerializerOptions Options { get; } = AddTo(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Adds the rules to <paramref name="options"/> and returns them.</summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Insert(0, new WellFormedStringConverter());
        return options;
    }

    /// <summary>
    /// Refuses a document kept raw (a JSON object body, a JSON Patch operation's value) when a name or string in it is
    /// not valid text: a <see cref="RequestValidationException"/> naming the top-level field that holds it, or
    /// <paramref name="field"/> for the document as a whole. A raw document unescapes its text only when it is read or
    /// written, and then throws InvalidOperationException, which would be a 500.
    /// </summary>
    public static void RequireWellFormed(object? value, string field)
    {
        var element = value switch
        {
            JsonElement e => e,
            JsonNode node => JsonSerializer.SerializeToElement(node),
            _ => (JsonElement?)null,
        };
        if (element is not { } root)
        {
            return;
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (!IsWellFormed(() => property.Name))
                {
                    throw Malformed(field);
                }

                if (!IsWellFormed(property.Value))
                {
                    throw Malformed(property.Name);
                }
            }
        }
        else if (!IsWellFormed(root))
        {
            throw Malformed(field);
        }
    }

    private static RequestValidationException Malformed(string field) =>
        new(field, "The text is not valid: it holds an unpaired UTF-16 surrogate.");

    private static bool IsWellFormed(Func<string> read)
    {
        try
        {
            _ = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsWellFormed(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().All(p => IsWellFormed(() => p.Name) && IsWellFormed(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(IsWellFormed),
        JsonValueKind.String => IsWellFormed(() => element.GetString()!),
        _ => true,
    };

    /// <summary>
    /// Reads strings as the built-in converter does, but a lone UTF-16 surrogate escape (<c>"\ud800"</c>) is a
    /// <see cref="JsonException"/>, so it becomes a 400 naming the field; the reader throws InvalidOperationException
    /// for it, which no formatter expects, and which would be a 500.
    /// </summary>
    private sealed class WellFormedStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException ex)
            {
                throw new JsonException("The text is not valid: it holds an unpaired UTF-16 surrogate.", ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }
}
