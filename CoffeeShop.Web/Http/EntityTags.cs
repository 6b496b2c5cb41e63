using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CoffeeShop.Web.Http;

/// <summary>
/// Strong ETags made from a concurrency version, and the If-Match / If-None-Match checks on them. A representation that
/// also shows other resources (a menu item shows the option groups it offers) adds their state after a dot
/// (<c>"5.12"</c>): a change to a group then changes the item's ETag, so If-None-Match cannot answer 304 with stale
/// groups, while If-Match still guards only the resource's own version (the part before the dot).
/// </summary>
internal static class EntityTags
{
    public static EntityTagHeaderValue For(int version, int? related = null) =>
        new(related is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"\"{version}.{r}\"")
            : string.Create(CultureInfo.InvariantCulture, $"\"{version}\""));

    /// <summary>True when If-None-Match names the current representation (or *): the client's copy is fresh.</summary>
    public static bool IfNoneMatchHits(HttpRequest request, int version, int? related = null)
    {
        var current = For(version, related);
        return request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    /// <summary>
    /// The version an If-Match header insists on: null when absent or "*". A tag that is not one of ours
    /// can never match, so it yields a version no item has.
    /// </summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var tags = request.GetTypedHeaders().IfMatch;
        if (tags.Count == 0 || tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        var tag = tags[0];
        var value = tag.Tag.AsSpan().Trim('"');
        if (value.IndexOf('.') is var dot and >= 0)
        {
            value = value[..dot];
        }

        return !tag.IsWeak && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }
}
