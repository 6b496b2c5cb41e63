using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Web.ErrorHandling;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>
/// Reads a menu item from a JSON body and says, field by field, what is wrong. Works on the raw JSON so that
/// a field left out can be told from a field sent as null: PUT replaces everything, so leaving one out is an
/// error, never a silent null.
/// </summary>
public static class MenuItemRequestReader
{
    /// <summary>What a create must carry: image and isAvailable may be left out (no picture; available).</summary>
    public static readonly IReadOnlyList<string> CreateFields = ["category", "title", "description", "ingredients", "price"];

    /// <summary>What a full replace must carry: every field (image may be null, but must be there).</summary>
    public static readonly IReadOnlyList<string> ReplaceFields = ["category", "title", "description", "ingredients", "image", "price", "isAvailable"];

    /// <summary>What may not be null once a patch is applied.</summary>
    public static readonly IReadOnlyList<string> PatchedFields = ["category", "title", "description", "ingredients", "price", "isAvailable"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static MenuItemRequest Read(JsonObject? body, IReadOnlyList<string> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (body is null)
        {
            throw new RequestValidationException("body", "A JSON object with the menu item's fields is required.");
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var field in required)
        {
            var present = body.Any(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase));
            if (!present)
            {
                errors[field] = [$"{field} is required."];
            }
        }

        MenuItemRequest? request;
        try
        {
            request = body.Deserialize<MenuItemRequest>(Json);
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

        Validate(request!, required.Where(f => f != "image").ToList());
        return request!;
    }

    /// <summary>Checks the fields that may not be null and the attributes of <see cref="MenuItemRequest"/>.</summary>
    public static void Validate(MenuItemRequest request, IReadOnlyList<string> notNull)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(notNull);
        var errors = new Dictionary<string, string[]>();
        var node = JsonSerializer.SerializeToNode(request, Json)!.AsObject();
        foreach (var field in notNull)
        {
            if (node[field] is null)
            {
                errors[field] = [$"{field} is required and cannot be null."];
            }
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

    public static JsonObject ToJson(MenuItemRequest request) => JsonSerializer.SerializeToNode(request, Json)!.AsObject();
}
