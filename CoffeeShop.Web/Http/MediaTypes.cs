namespace CoffeeShop.Web.Http;

public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";

    /// <summary>RFC 6902: a list of operations (add, remove, replace, move, copy, test).</summary>
    public const string JsonPatch = "application/json-patch+json";

    /// <summary>RFC 7396: a partial document; null removes a field.</summary>
    public const string MergePatch = "application/merge-patch+json";
}
