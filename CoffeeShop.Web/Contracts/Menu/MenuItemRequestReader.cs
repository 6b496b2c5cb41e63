using System.Text.Json.Nodes;

namespace CoffeeShop.Web.Contracts.Menu;

/// <summary>
/// Which fields of a <see cref="MenuItemRequest"/> each method must carry, read with <see cref="JsonBodyReader"/>.
/// </summary>
public static class MenuItemRequestReader
{
    /// <summary>What a create must carry: image and isAvailable may be left out (no picture; available).</summary>
    public static readonly IReadOnlyList<string> CreateFields = ["category", "title", "description", "ingredients", "price"];

    /// <summary>What a full replace must carry: every field (image may be null, but must be there).</summary>
    public static readonly IReadOnlyList<string> ReplaceFields = ["category", "title", "description", "ingredients", "image", "price", "isAvailable"];

    /// <summary>What may not be null once a patch is applied.</summary>
    public static readonly IReadOnlyList<string> PatchedFields = ["category", "title", "description", "ingredients", "price", "isAvailable"];

    /// <summary>Reads the request: the <paramref name="required"/> fields must be present, and all but image non-null.</summary>
    public static MenuItemRequest Read(JsonObject? body, IReadOnlyList<string> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        return JsonBodyReader.Read<MenuItemRequest>(body, required, required.Where(f => f != "image").ToList());
    }
}
