using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoffeeShop.Data.Configurations;

/// <summary>
/// A list of small immutable records kept as one JSON text column: read and written whole with its row, never queried
/// into. Sizes, a group's options and a line's option snapshot are such values; a table each would add a join to the
/// menu read and rows to the order write for nothing any query needs.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { IgnoreReadOnlyProperties = true };

    public static PropertyBuilder<List<T>> AsJsonList<T>(this PropertyBuilder<List<T>> property)
        where T : notnull
    {
        property
            .HasConversion(
                list => JsonSerializer.Serialize(list, Options),
                json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => a == b || (a != null && b != null && a.SequenceEqual(b)),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
                    list => list.ToList()))
            .IsRequired();
        return property;
    }
}
