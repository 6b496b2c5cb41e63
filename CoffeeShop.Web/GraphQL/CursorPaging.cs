using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CoffeeShop.Domain.Common;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// Relay-style cursor paging over the domain's offset pages: a cursor is the opaque position of an edge in the
/// list, <c>first</c> is the page size (1–<see cref="MaxFirst"/>, <see cref="DefaultFirst"/> when left out).
/// </summary>
public readonly record struct CursorPaging(int First, int Offset)
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 100;
    private const string Prefix = "cursor:";

    /// <summary>Reads <c>first</c> and <c>after</c>; a bad value is BAD_USER_INPUT naming the argument.</summary>
    public static CursorPaging From(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var first = context.GetArgument<int?>("first") ?? DefaultFirst;
        if (first is < 1 or > MaxFirst)
        {
            throw GraphQLErrors.Invalid("first", $"first must be between 1 and {MaxFirst}.");
        }

        var after = context.GetArgument<string?>("after");
        return new CursorPaging(first, after is null ? 0 : PositionOf(after) + 1);
    }

    public static string CursorAt(int position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The connection for one page the domain returned, starting at this paging's offset.</summary>
    public Connection<T> ToConnection<T>(PagedResult<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var offset = Offset;
        var edges = page.Items.Select((item, i) => new Edge<T> { Cursor = CursorAt(offset + i), Node = item }).ToList();
        return new Connection<T>
        {
            TotalCount = page.TotalCount,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = offset + edges.Count < page.TotalCount,
                HasPreviousPage = offset > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    /// <summary>A connection with no edges (a caller who owns nothing).</summary>
    public static Connection<T> Empty<T>() => new()
    {
        TotalCount = 0,
        Edges = [],
        PageInfo = new PageInfo { HasNextPage = false, HasPreviousPage = false },
    };

    private static int PositionOf(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                && position < int.MaxValue - MaxFirst)
            {
                return position;
            }
        }
        catch (FormatException)
        {
            // Falls through to the same answer as any other foreign cursor.
        }

        throw GraphQLErrors.Invalid("after", "after must be a cursor this API returned.");
    }
}
