using System.Reflection;
using System.Text.Json;
using CoffeeShop.Domain.Common;

namespace CoffeeShop.Web.Validation;

/// <summary>
/// Where a domain error's <see cref="FieldKey"/> becomes a front end's field name: one function per kind of front end.
/// Any new front end (gRPC, GraphQL) calls <see cref="ToJson"/> for JSON-shaped field paths.
/// </summary>
public static class FieldNames
{
    /// <summary>The key as the JSON bodies spell it (<c>Lines[1].Quantity</c> → <c>lines[1].quantity</c>).</summary>
    public static string ToJson(FieldKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Format(JsonNamingPolicy.CamelCase.ConvertName);
    }

    /// <summary>
    /// The key as a form of <typeparamref name="TForm"/> names it, for <c>ModelState</c>: the same path when the form
    /// has a property of the key's first member (forms name their inputs after the domain's members), else empty (a
    /// message for the whole form).
    /// </summary>
    public static string ToForm<TForm>(FieldKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Segments is [var first, ..] && typeof(TForm).GetProperty(first.Member, BindingFlags.Public | BindingFlags.Instance) is not null
            ? key.Format()
            : string.Empty;
    }
}
