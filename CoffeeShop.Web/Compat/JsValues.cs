using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoffeeShop.Web.Compat;

/// <summary>JavaScript's view of JSON values, as json-server compares them.</summary>
internal static class JsValues
{
    /// <summary>What <c>String(value)</c> gives: arrays join with commas, objects are "[object Object]".</summary>
    public static string ToJsString(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => string.Join(',', array.Select(n => n is null ? string.Empty : ToJsString(n))),
        JsonObject => "[object Object]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => FormatNumber(NumberOf(value)),
        _ => node.ToJsonString(),
    };

    public static bool IsFalsy(JsonNode node) => node is JsonValue value && value.GetValueKind() switch
    {
        JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => value.GetValue<string>().Length == 0,
        JsonValueKind.Number => NumberOf(value) == 0,
        _ => false,
    };

    /// <summary>
    /// Compares a field with a query value as JavaScript's relational operators do: numerically when the field
    /// is a number or a boolean, else as strings. Null when they cannot be compared (NaN), which fails both tests.
    /// </summary>
    public static int? CompareForRange(JsonNode field, string value)
    {
        if (TryNumber(field, out var number))
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? number.CompareTo(parsed)
                : null;
        }

        return Math.Sign(string.CompareOrdinal(ToJsString(field), value));
    }

    /// <summary>lodash's ascending order: numbers by value, strings by code unit, missing values last.</summary>
    public static int CompareForSort(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return (a is null).CompareTo(b is null);
        }

        if (TryNumber(a, out var x) && TryNumber(b, out var y))
        {
            return x.CompareTo(y);
        }

        return Math.Sign(string.CompareOrdinal(ToJsString(a), ToJsString(b)));
    }

    private static bool TryNumber(JsonNode node, out double number)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    number = NumberOf(value);
                    return true;
                case JsonValueKind.True:
                    number = 1;
                    return true;
                case JsonValueKind.False:
                    number = 0;
                    return true;
            }
        }

        number = 0;
        return false;
    }

    private static double NumberOf(JsonValue value) =>
        double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string FormatNumber(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
