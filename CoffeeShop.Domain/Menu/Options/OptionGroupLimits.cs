using System.Globalization;
using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Menu.Options;

/// <summary>The limits of option groups and of the choices an order line makes, shared by the entities and the edge.</summary>
public static class OptionGroupLimits
{
    public const int NameMaxLength = 60;
    public const int OptionsMin = 1;
    public const int OptionsMax = 20;
    public const int MaxQuantityMin = 1;
    public const int MaxQuantityMax = 10;
    public const decimal MinPriceDelta = 0.00m;
    public const decimal MaxPriceDelta = 10.00m;

    /// <summary>How many option groups an item may offer.</summary>
    public const int GroupsPerItemMax = 10;

    /// <summary>How many options one order line may name (the request's <c>options</c> list).</summary>
    public const int OptionsPerLineMax = 20;

    public static string PriceDeltaRange { get; } =
        string.Create(CultureInfo.InvariantCulture, $"between {MinPriceDelta} and {MaxPriceDelta} with at most two decimals");

    public static bool IsValidPriceDelta(decimal delta) =>
        delta >= MinPriceDelta && delta <= MaxPriceDelta && decimal.Round(delta, 2) == delta;

    internal static decimal ValidPriceDelta(decimal delta, FieldKey key) =>
        IsValidPriceDelta(delta) ? delta : throw new DomainValidationException(key, $"{key.Label} must be {PriceDeltaRange}.");
}
