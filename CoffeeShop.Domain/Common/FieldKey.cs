using System.Text;

namespace CoffeeShop.Domain.Common;

/// <summary>
/// Which value an error is about, in the domain's own terms: a path of members (their C# names) with an index where a
/// member is a list, e.g. <c>Lines[1].Quantity</c>. Each front end maps it to its own field names in one place
/// (the API: <c>lines[1].quantity</c>; a page: its form's property).
/// </summary>
public sealed class FieldKey : IEquatable<FieldKey>
{
    private readonly Segment[] _segments;

    private FieldKey(Segment[] segments) => _segments = segments;

    /// <summary>No particular value: the error is about the whole request.</summary>
    public static FieldKey None { get; } = new([]);

    /// <summary>The path from the outermost member inwards.</summary>
    public IReadOnlyList<Segment> Segments => _segments;

    /// <summary>A top-level member, e.g. <c>FieldKey.Of(nameof(Order.Notes))</c>.</summary>
    public static FieldKey Of(string member) => None.Then(member);

    /// <summary>A member of the last segment's value (of its item, when indexed).</summary>
    public FieldKey Then(string member)
    {
        ArgumentException.ThrowIfNullOrEmpty(member);
        return new([.. _segments, new Segment(member, null)]);
    }

    /// <summary>One item of the last segment, a list.</summary>
    public FieldKey At(int index)
    {
        if (_segments.Length == 0)
        {
            throw new InvalidOperationException("Index a member, not the whole request.");
        }

        Segment[] segments = [.. _segments];
        segments[^1] = segments[^1] with { Index = index };
        return new(segments);
    }

    /// <summary>The path spelt with <paramref name="name"/> applied to each member: <c>Lines[1].Quantity</c> by default.</summary>
    public string Format(Func<string, string>? name = null)
    {
        var text = new StringBuilder();
        foreach (var (member, index) in _segments)
        {
            if (text.Length > 0)
            {
                text.Append('.');
            }

            text.Append(name is null ? member : name(member));
            if (index is { } i)
            {
                text.Append('[').Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return text.ToString();
    }

    /// <summary>How messages name the value: the path with each member's first letter lower-cased (<c>lines[1].quantity</c>).</summary>
    public string Label => Format(m => char.ToLowerInvariant(m[0]) + m[1..]);

    public override string ToString() => Format();

    public bool Equals(FieldKey? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    public override bool Equals(object? obj) => Equals(obj as FieldKey);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>One member on the path, and its index when it is a list.</summary>
    public readonly record struct Segment(string Member, int? Index);
}
