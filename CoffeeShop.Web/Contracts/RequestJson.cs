using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CoffeeShop.Web.ErrorHandling;

namespace CoffeeShop.Web.Contracts;

/// <summary>
/// The rules for reading request bodies, for every reader of them: MVC's JSON options and the documents an action
/// builds itself (a merge patch or a JSON Patch applied). Text a client may not send is refused; a request record
/// (<see cref="IRequestRecord"/>) is read with its <c>required</c> members and nullability enforced, and a member
/// left out or sent as null is a <see cref="RequestValidationException"/> naming each such field.
/// </summary>
public static class RequestJson
{
    private const string WrongType = "The value has the wrong type.";
    private const string MalformedText = "The text is not valid: it holds an unpaired UTF-16 surrogate.";

    /// <summary>Options for reading documents an action builds (merge patches applied).</summary>
    public static JsonSerializerOptions Options { get; } = AddTo(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Adds the rules to <paramref name="options"/> and returns them.</summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Insert(0, new WellFormedStringConverter());
        options.Converters.Insert(0, new RequestRecordConverterFactory());
        return options;
    }

    /// <summary>
    /// Reads <typeparamref name="T"/> from a document the action built, as the framework reads a body: a field left
    /// out, null where it may not be, or of the wrong type is a <see cref="RequestValidationException"/> naming it.
    /// </summary>
    public static T Read<T>(JsonNode document)
        where T : class, IRequestRecord
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            return document.Deserialize<T>(Options) ?? throw new RequestValidationException("body", "A JSON object is required.");
        }
        catch (JsonException ex)
        {
            throw new RequestValidationException(FieldOf(ex.Path), ex is MalformedTextException ? ex.Message : WrongType);
        }
    }

    /// <summary>The document a request record makes, with the names a client writes.</summary>
    public static JsonObject ToJson<T>(T request)
        where T : class, IRequestRecord =>
        JsonSerializer.SerializeToNode(request, Options)!.AsObject();

    /// <summary>A JSON path as a field name: <c>$.lines[0].quantity</c> is <c>lines[0].quantity</c>; the whole document is <c>body</c>.</summary>
    public static string FieldOf(string? path) =>
        path?.TrimStart('$').TrimStart('.') is { Length: > 0 } field ? field : "body";

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
        new(field, MalformedText);

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
            if (reader.TokenType != JsonTokenType.String)
            {
                // Not a string at all: the serializer's own "could not be converted" failure, not bad text.
                throw new JsonException();
            }

            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException ex)
            {
                throw new MalformedTextException(ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Reads every <see cref="IRequestRecord"/> with <see cref="RequestRecordConverter{T}"/>; other types as before.</summary>
    private sealed class RequestRecordConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeof(IRequestRecord).IsAssignableFrom(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        {
            // The record's own contract, read with these options but without this factory (it would read the record again),
            // and with the nullability of its members enforced. Built once per type; nothing per request.
            // Writing (a record as the document a patch applies to) enforces nothing: a JSON Patch may have put a null in.
            var reading = Without(options);
            reading.RespectNullableAnnotations = true;
            reading.RespectRequiredConstructorParameters = true;
            return (JsonConverter)Activator.CreateInstance(
                typeof(RequestRecordConverter<>).MakeGenericType(typeToConvert), reading.GetTypeInfo(typeToConvert), Without(options).GetTypeInfo(typeToConvert))!;
        }

        private static JsonSerializerOptions Without(JsonSerializerOptions options)
        {
            var copy = new JsonSerializerOptions(options);
            copy.Converters.Remove(copy.Converters.OfType<RequestRecordConverterFactory>().First());
            return copy;
        }
    }

    /// <summary>
    /// Reads a request record as System.Text.Json does. When that fails for a field left out (a <c>required</c> member)
    /// or sent as null (a member that may not be), the serializer's message names the record's .NET type and at most a
    /// few fields; this reads the same value again as a document and names each such field in the client's spelling.
    /// Any other failure is named by its field too: bad text (<see cref="MalformedTextException"/>) as such, anything
    /// else as the wrong type, never with the serializer's words (which name .NET types). The value is in the buffer
    /// whole: a converter is only called once the reader holds all of it.
    /// </summary>
    private sealed class RequestRecordConverter<T>(JsonTypeInfo reading, JsonTypeInfo writing) : JsonConverter<T>
    {
        private readonly JsonTypeInfo<T> _typeInfo = (JsonTypeInfo<T>)reading;
        private readonly JsonTypeInfo<T> _writing = (JsonTypeInfo<T>)writing;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var start = reader;
            try
            {
                return JsonSerializer.Deserialize(ref reader, _typeInfo);
            }
            catch (JsonException ex)
            {
                reader = start;
                using var document = JsonDocument.ParseValue(ref reader);
                throw new RequestValidationException(MissingOrNull(ex.Path, document.RootElement, _typeInfo) is { Count: > 0 } errors
                    ? errors
                    : new Dictionary<string, string[]> { [FieldOf(ex.Path)] = [ex is MalformedTextException ? ex.Message : WrongType] });
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, _writing);
    }

    /// <summary>
    /// What was wrong at <paramref name="path"/> (where the serializer stopped), if it was a field left out or a null:
    /// the value there is null (that field), or an object without some of its type's required members (each of them).
    /// </summary>
    private static Dictionary<string, string[]>? MissingOrNull(string? path, JsonElement root, JsonTypeInfo rootType)
    {
        var (element, type, field, name) = (root, rootType, string.Empty, string.Empty);
        foreach (var segment in PathSegments(path))
        {
            if (segment is int index)
            {
                if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength() || type.ElementType is not { } itemType)
                {
                    return null;
                }

                (element, type, field) = (element[index], type.Options.GetTypeInfo(itemType), $"{field}[{index}]");
                continue;
            }

            var sent = (string)segment;
            var member = type.Properties.FirstOrDefault(p => string.Equals(p.Name, sent, StringComparison.OrdinalIgnoreCase));
            if (member is null || !TryGetMember(element, sent, out var value))
            {
                return null;
            }

            name = member.Name;
            (element, type, field) = (value, type.Options.GetTypeInfo(member.PropertyType), field.Length == 0 ? name : $"{field}.{name}");
        }

        if (element.ValueKind == JsonValueKind.Null && field.Length > 0)
        {
            return new() { [field] = [$"The {name} field cannot be null."] };
        }

        if (element.ValueKind != JsonValueKind.Object || type.Kind != JsonTypeInfoKind.Object)
        {
            return null;
        }

        var prefix = field.Length == 0 ? string.Empty : field + ".";
        return type.Properties
            .Where(p => p.IsRequired && !TryGetMember(element, p.Name, out _))
            .ToDictionary(p => prefix + p.Name, p => new[] { $"The {p.Name} field is required." });
    }

    /// <summary>The member of an object named <paramref name="name"/> in any letter case, as the serializer matches names.</summary>
    private static bool TryGetMember(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = member.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>The member names (strings) and indexes (ints) of a path the serializer reports, such as <c>$.lines[0].quantity</c>.</summary>
    private static IEnumerable<object> PathSegments(string? path)
    {
        var rest = path is null ? string.Empty : path.TrimStart('$');
        while (rest.Length > 0)
        {
            if (rest.StartsWith("['", StringComparison.Ordinal) && rest.IndexOf("']", 2, StringComparison.Ordinal) is var close and > 0)
            {
                yield return rest[2..close];
                rest = rest[(close + 2)..];
            }
            else if (rest[0] == '[' && rest.IndexOf(']', StringComparison.Ordinal) is var end and > 0
                && int.TryParse(rest.AsSpan(1, end - 1), System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                yield return index;
                rest = rest[(end + 1)..];
            }
            else if (rest[0] == '.')
            {
                var next = rest.IndexOfAny(['.', '['], 1);
                yield return next < 0 ? rest[1..] : rest[1..next];
                rest = next < 0 ? string.Empty : rest[next..];
            }
            else
            {
                yield break;
            }
        }
    }

    /// <summary>A string that is not valid text; its message is safe to show, and names no .NET type.</summary>
    private sealed class MalformedTextException(InvalidOperationException inner)
        : JsonException(MalformedText, inner);
}
