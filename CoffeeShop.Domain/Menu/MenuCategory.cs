namespace CoffeeShop.Domain.Menu;

/// <summary>The two sections of the menu.</summary>
public enum MenuCategory
{
    Hot = 1,
    Iced = 2,
}

/// <summary>Converts categories to and from the lower-case names used in URLs and JSON.</summary>
public static class MenuCategories
{
    public static IReadOnlyList<MenuCategory> All { get; } = [MenuCategory.Hot, MenuCategory.Iced];

    public static string ToSlug(this MenuCategory category) => category switch
    {
        MenuCategory.Hot => "hot",
        MenuCategory.Iced => "iced",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown category."),
    };

    /// <summary>Parses "hot" or "iced" (any case); anything else is not a category.</summary>
    public static bool TryParse(string? value, out MenuCategory category)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "HOT":
                category = MenuCategory.Hot;
                return true;
            case "ICED":
                category = MenuCategory.Iced;
                return true;
            default:
                category = default;
                return false;
        }
    }
}
