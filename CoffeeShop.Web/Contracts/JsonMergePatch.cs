using System.Text.Json.Nodes;

namespace CoffeeShop.Web.Contracts;

/// <summary>RFC 7396 JSON Merge Patch, the one body kept as a raw document: what it leaves out must stay as it is.</summary>
public static class JsonMergePatch
{
    /// <summary>
    /// <paramref name="patch"/> applied to <paramref name="target"/>: objects merge, anything else replaces, and null
    /// removes a member, which in the whole document of a request record is to make it null (the record then says
    /// whether it may be: <c>image</c> may, <c>title</c> may not). Member names match in any letter case, as the
    /// serializer reads them.
    /// </summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject is { } targetObject ? targetObject.DeepClone().AsObject() : [];
        foreach (var (key, value) in patchObject)
        {
            var existing = result.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Key ?? key;
            result[existing] = value is null ? null : Apply(result[existing], value);
        }

        return result;
    }
}
