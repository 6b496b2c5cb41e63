using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CoffeeShop.Web.Http;

/// <summary>Strong ETags made from a concurrency version, and the If-Match / If-None-Match checks on them.</summary>
internal static class EntityTags
{
    public static EntityTagHeaderValue For(int version) =>
        new($"\"{version.ToString(CultureInfo.InvariantCulture)}\"");

    /// <summary>True when If-None-Match names the current version (or *): the client's copy is fresh.</summary>
    public static bool IfNoneMatchHits(HttpRequest request, int version)
    {
        var current = For(version);
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
        return !tag.IsWeak && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }
}
