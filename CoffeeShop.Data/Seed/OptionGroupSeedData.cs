using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Data.Seed;

/// <summary>The option groups a new database starts with, and the sizes a seeded drink comes in.</summary>
internal static class OptionGroupSeedData
{
    internal static IReadOnlyList<(string Code, OptionGroupDetails Details)> Groups { get; } =
    [
        ("milk", new OptionGroupDetails("Milk", MinSelected: 1, MaxSelected: 1, MaxQuantity: 1,
        [
            new("whole-milk", "Whole milk", 0.00m, IsDefault: true),
            new("skimmed-milk", "Skimmed milk", 0.00m),
            new("oat-milk", "Oat milk", 0.50m),
            new("almond-milk", "Almond milk", 0.50m),
            new("soy-milk", "Soy milk", 0.40m),
            new("lactose-free-milk", "Lactose-free milk", 0.30m),
        ])),
        ("extra-shots", new OptionGroupDetails("Extra shots", MinSelected: 0, MaxSelected: 1, MaxQuantity: 3,
        [
            new("extra-shot", "Extra espresso shot", 0.70m),
        ])),
        ("syrups", new OptionGroupDetails("Syrups", MinSelected: 0, MaxSelected: 3, MaxQuantity: 2,
        [
            new("vanilla-syrup", "Vanilla syrup", 0.50m),
            new("caramel-syrup", "Caramel syrup", 0.50m),
            new("hazelnut-syrup", "Hazelnut syrup", 0.50m),
        ])),
        ("sweetener", new OptionGroupDetails("Sweetener", MinSelected: 0, MaxSelected: 1, MaxQuantity: 3,
        [
            new("white-sugar", "White sugar", 0.00m),
            new("brown-sugar", "Brown sugar", 0.00m),
            new("stevia", "Stevia", 0.00m),
        ])),
    ];

    /// <summary>
    /// The sizes of a seeded drink: a cup comes small (0.40 less), medium (the listed price, the default) or large
    /// (0.50 more); an espresso-style drink in its one regular size.
    /// </summary>
    internal static IReadOnlyList<MenuItemSize> SizesFor(SeedMenuItem seed) => seed.Sizes switch
    {
        SeedSizes.Cup =>
        [
            new("small", "Small", seed.Price - 0.40m),
            new("medium", "Medium", seed.Price, IsDefault: true),
            new("large", "Large", seed.Price + 0.50m),
        ],
        _ => [MenuItemSize.Regular(seed.Price)],
    };
}
