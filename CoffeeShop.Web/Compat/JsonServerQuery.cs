using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Web.ErrorHandling;
using Microsoft.Extensions.Primitives;

namespace CoffeeShop.Web.Compat;

/// <summary>
/// The list query options of json-server 0.17, which the Sample APIs follow: field equality (a repeated key
/// is an OR), <c>_gte</c>/<c>_lte</c>/<c>_ne</c>/<c>_like</c>, <c>q</c> (full text), <c>_sort</c>/<c>_order</c>,
/// <c>_page</c>/<c>_limit</c> and <c>_start</c>/<c>_end</c>/<c>_limit</c>. Runs over the items' JSON so that
/// a field means what the client sees. One deliberate difference: <c>_like</c> is a case-insensitive
/// substring, not a regular expression, so no request can make the server backtrack for long.
/// </summary>
internal static class JsonServerQuery
{
    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web);

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "q", "_start", "_end", "_page", "_sort", "_order", "_limit", "_embed", "_expand", "callback", "_",
    };

    private static readonly string[] Operators = ["_gte", "_lte", "_ne", "_like"];

    public static JsonServerResult Apply<T>(IReadOnlyList<T> source, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IEnumerable<JsonObject> items = source.Select(i => JsonSerializer.SerializeToNode(i, CamelCase)!.AsObject()).ToList();

        var q = query["q"].FirstOrDefault();
        if (!string.IsNullOrEmpty(q))
        {
            var needle = q.ToLowerInvariant();
            items = items.Where(item => item.Any(pair => DeepContains(pair.Value, needle)));
        }

        var all = items.ToList();
        foreach (var (key, values) in query)
        {
            if (Reserved.Contains(key))
            {
                continue;
            }

            var filter = FieldFilter.Parse(key, values);
            // Like json-server, a plain key that no item has is ignored rather than matching nothing.
            if (filter.Operator is null && !all.Any(item => Lookup(item, filter.Path) is not null || HasPath(item, filter.Path)))
            {
                continue;
            }

            all = all.Where(filter.Matches).ToList();
        }

        all = Sort(all, query);
        return Slice(all, query);
    }

    private static List<JsonObject> Sort(List<JsonObject> items, IQueryCollection query)
    {
        var sort = query["_sort"].FirstOrDefault();
        if (string.IsNullOrEmpty(sort))
        {
            return items;
        }

        var fields = sort.Split(',');
        var orders = (query["_order"].FirstOrDefault() ?? string.Empty).Split(',');
        foreach (var order in orders.Where(o => o.Length > 0))
        {
            if (!order.Equals("asc", StringComparison.OrdinalIgnoreCase) && !order.Equals("desc", StringComparison.OrdinalIgnoreCase))
            {
                throw new RequestValidationException("_order", "_order must be asc or desc (a comma list, one per _sort field).");
            }
        }

        // LINQ's OrderBy is stable, as lodash's orderBy is: equal items keep their order.
        return items.OrderBy(item => item, Comparer<JsonObject>.Create((a, b) =>
        {
            for (var i = 0; i < fields.Length; i++)
            {
                var result = JsValues.CompareForSort(Lookup(a, fields[i]), Lookup(b, fields[i]));
                if (result != 0)
                {
                    var descending = i < orders.Length && orders[i].Equals("desc", StringComparison.OrdinalIgnoreCase);
                    return descending ? -result : result;
                }
            }

            return 0;
        })).ToList();
    }

    private static JsonServerResult Slice(List<JsonObject> items, IQueryCollection query)
    {
        var total = items.Count;
        var page = OptionalInt(query, "_page");
        var limit = OptionalInt(query, "_limit");
        var start = OptionalInt(query, "_start");
        var end = OptionalInt(query, "_end");

        if (page is not null)
        {
            var current = Math.Max(page.Value, 1);
            var perPage = limit is > 0 ? limit.Value : 10;
            var skip = (long)(current - 1) * perPage;
            var slice = items.Skip((int)Math.Min(skip, int.MaxValue)).Take(perPage).ToList();
            return new JsonServerResult(slice, total, slice.Count > 0 && slice.Count != total ? new JsonServerPaging(current, perPage, total) : null);
        }

        if (end is not null)
        {
            var from = Math.Min(start ?? 0, total);
            return new JsonServerResult(items.Skip(from).Take(Math.Max(Math.Min(end.Value, total) - from, 0)).ToList(), total, null);
        }

        if (limit is not null)
        {
            return new JsonServerResult(items.Skip(Math.Min(start ?? 0, total)).Take(limit.Value).ToList(), total, null);
        }

        return new JsonServerResult(items, total, null);
    }

    private static int? OptionalInt(IQueryCollection query, string name)
    {
        var raw = query[name].FirstOrDefault();
        if (raw is null)
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RequestValidationException(name, $"{name} must be a whole number of 0 or more.");
    }

    /// <summary>Follows a dotted path ("a.b") into the item; null when any step is missing.</summary>
    internal static JsonNode? Lookup(JsonObject item, string path)
    {
        JsonNode? node = item;
        foreach (var step in path.Split('.'))
        {
            node = node switch
            {
                JsonObject obj => obj[step],
                JsonArray array when int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static bool HasPath(JsonObject item, string path) =>
        !path.Contains('.', StringComparison.Ordinal) && item.ContainsKey(path);

    private static bool DeepContains(JsonNode? node, string needle) => node switch
    {
        null => false,
        JsonArray array => array.Any(n => DeepContains(n, needle)),
        JsonObject obj => obj.Any(p => DeepContains(p.Value, needle)),
        // json-server skips falsy values (false, 0, "") before comparing.
        _ when JsValues.IsFalsy(node) => false,
        _ => JsValues.ToJsString(node).ToLowerInvariant().Contains(needle, StringComparison.Ordinal),
    };

    private sealed record FieldFilter(string Path, string? Operator, StringValues Values)
    {
        public static FieldFilter Parse(string key, StringValues values)
        {
            var op = Operators.FirstOrDefault(o => key.EndsWith(o, StringComparison.Ordinal) && key.Length > o.Length);
            return new FieldFilter(op is null ? key : key[..^op.Length], op, values);
        }

        /// <summary>A repeated key is an OR of its values; a missing field never matches.</summary>
        public bool Matches(JsonObject item)
        {
            var field = Lookup(item, Path);
            if (field is null)
            {
                return false;
            }

            return Values.Any(value => value is not null && Operator switch
            {
                "_gte" => JsValues.CompareForRange(field, value) >= 0,
                "_lte" => JsValues.CompareForRange(field, value) <= 0,
                "_ne" => !string.Equals(JsValues.ToJsString(field), value, StringComparison.Ordinal),
                "_like" => JsValues.ToJsString(field).Contains(value, StringComparison.OrdinalIgnoreCase),
                _ => string.Equals(JsValues.ToJsString(field), value, StringComparison.Ordinal),
            });
        }
    }
}

/// <summary>A filtered, sorted, sliced list and, when it was paged, what the Link header needs.</summary>
internal sealed record JsonServerResult(IReadOnlyList<JsonObject> Items, int TotalCount, JsonServerPaging? Paging)
{
    /// <summary>The Link header json-server sends with <c>_page</c>: first, prev, next, last, as far as they exist.</summary>
    public string? LinkHeader(HttpRequest request)
    {
        if (Paging is null)
        {
            return null;
        }

        var links = new List<string>();
        void Add(string rel, int page)
        {
            var parameters = request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, p.Key == "_page" ? page.ToString(CultureInfo.InvariantCulture) : v)));
            var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{Microsoft.AspNetCore.Http.QueryString.Create(parameters)}";
            links.Add($"<{url}>; rel=\"{rel}\"");
        }

        var last = (int)Math.Ceiling(Paging.TotalCount / (double)Paging.PerPage);
        Add("first", 1);
        if (Paging.Page > 1)
        {
            Add("prev", Paging.Page - 1);
        }

        if ((long)Paging.Page * Paging.PerPage < Paging.TotalCount)
        {
            Add("next", Paging.Page + 1);
        }

        Add("last", last);
        return string.Join(", ", links);
    }
}

internal sealed record JsonServerPaging(int Page, int PerPage, int TotalCount);
