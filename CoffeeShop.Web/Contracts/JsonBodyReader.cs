using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Web.ErrorHandling;

namespace CoffeeShop.Web.Contracts;

/// <summary>
/// Reads a request model from a raw JSON object and says, field by field, what is wrong. Working on the raw
/// JSON tells a field left out from a field sent as null: a full replace must carry every field, so leaving
/// one out is an error, never a silent null. Field names are the camelCase JSON names.
/// </summary>
public static class JsonBodyReader
{
    private static readonly JsonSerializerOptions Json = RequestJson.Options;

    /// <summary>
    /// Reads <typeparamref name="T"/> from <paramref name="body"/>: every <paramref name="required"/> field must be
    /// present, every <paramref name="notNull"/> field must not be null, then the model's DataAnnotations must pass.
    /// Throws <see cref="RequestValidationException"/> naming each bad field.
    /// </summary>
    public static T Read<T>(JsonObject? body, IReadOnlyList<string> required, IReadOnlyList<string> notNull)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(required);
        if (body is null)
        {
            throw new RequestValidationException("body", "A JSON object is required.");
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var field in required.Where(f => !HasField(body, f)))
        {
            errors[field] = [$"{field} is required."];
        }

        T? request;
        try
        {
            request = body.Deserialize<T>(Json);
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.').Split('.', '[')[0];
            errors[string.IsNullOrEmpty(field) ? "body" : field] = ["The value has the wrong type."];
            throw new RequestValidationException(errors);
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        Validate(request!, notNull);
        return request!;
    }

    /// <summary>Checks the fields that may not be null and the DataAnnotations of <paramref name="request"/>.</summary>
    public static void Validate<T>(T request, IReadOnlyList<string> notNull)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notNull);
        var errors = new Dictionary<string, string[]>();
        var node = ToJson(request);
        foreach (var field in notNull.Where(f => node[f] is null))
        {
            errors[field] = [$"{field} is required and cannot be null."];
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty("body"))
            {
                var key = JsonNamingPolicy.CamelCase.ConvertName(member);
                errors[key] = [.. errors.GetValueOrDefault(key, []), result.ErrorMessage ?? "The value is not valid."];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>True when the object has the field, in any letter case (as the model binder reads it).</summary>
    public static bool HasField(JsonObject body, string field)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Any(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>RFC 7396 JSON Merge Patch: null removes a member, objects merge, anything else replaces.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject is { } targetObject ? targetObject.DeepClone().AsObject() : [];
        foreach (var (key, value) in patchObject)
        {
            var existing = result.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Key ?? key;
            if (value is null)
            {
                result.Remove(existing);
            }
            else
            {
                result[existing] = MergePatch(result[existing], value);
            }
        }

        return result;
    }

    /// <summary>The model as a JSON object with camelCase names; null fields are kept (as null).</summary>
    public static JsonObject ToJson<T>(T request)
        where T : class =>
        JsonSerializer.SerializeToNode(request, Json)!.AsObject();
}
