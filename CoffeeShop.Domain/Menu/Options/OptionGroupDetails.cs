namespace CoffeeShop.Domain.Menu.Options;

/// <summary>Everything a caller sets on an option group (its code is its identity and is set once).</summary>
public sealed record OptionGroupDetails(
    string Name,
    int MinSelected,
    int MaxSelected,
    int MaxQuantity,
    IReadOnlyList<MenuOption> Options);
