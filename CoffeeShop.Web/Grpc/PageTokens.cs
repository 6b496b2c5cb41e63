using System.Globalization;
using System.Text;
using CoffeeShop.Domain.Common;

namespace CoffeeShop.Web.Grpc;

/// <summary>
/// The gRPC lists' paging: page_size (0 means the JSON API's default, 20) and opaque page tokens that stand for a
/// page number. The limits are the JSON API's, and a bad value names the JSON API's field.
/// </summary>
internal static class PageTokens
{
    public const int DefaultPageSize = 20;
    private const string Prefix = "page:";

    /// <summary>The page number and size a request asks for; INVALID_ARGUMENT for a size out of range or a token this did not issue.</summary>
    public static (int Page, int PageSize) Read(string? token, int pageSize, int maxPageSize)
    {
        if (pageSize < 0 || pageSize > maxPageSize)
        {
            throw GrpcErrors.InvalidField("pageSize", $"pageSize must be between 1 and {maxPageSize}.");
        }

        return (ReadPage(token), pageSize == 0 ? DefaultPageSize : pageSize);
    }

    /// <summary>The token of the page after <paramref name="page"/>, or empty when that page is the last.</summary>
    public static string Next<T>(PagedResult<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (long)page.Page * page.PageSize >= page.TotalCount
            ? string.Empty
            : Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + (page.Page + 1).ToString(CultureInfo.InvariantCulture)));
    }

    private static int ReadPage(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 1;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
                && page is >= 1 and <= 100_000)
            {
                return page;
            }
        }
        catch (FormatException)
        {
            // Not base64: refused below like any other token this server did not issue.
        }

        throw GrpcErrors.InvalidField("pageToken", "pageToken is not a token this server issued; pass next_page_token from the previous page.");
    }
}
