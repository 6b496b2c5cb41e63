using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Menu;

/// <summary>A drink on the menu. Guards its own invariants; every change bumps <see cref="Version"/>.</summary>
public sealed class MenuItem
{
    private List<string> _ingredients = [];

    public MenuItem(MenuItemDetails details, DateTimeOffset now)
        : this()
    {
        Apply(details);
        CreatedAt = now;
        UpdatedAt = now;
        Version = 1;
    }

    // For EF Core materialisation.
    private MenuItem()
    {
        Title = string.Empty;
        Description = string.Empty;
    }

    public int Id { get; private set; }

    public MenuCategory Category { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public IReadOnlyList<string> Ingredients => _ingredients;

    public string? Image { get; private set; }

    public decimal Price { get; private set; }

    public bool IsAvailable { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The concurrency version: the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    public MenuItemDetails Details => new(Category, Title, Description, Ingredients, Image, Price, IsAvailable);

    public void Replace(MenuItemDetails details, DateTimeOffset now)
    {
        Apply(details);
        Touch(now);
    }

    public void SetAvailability(bool isAvailable, DateTimeOffset now)
    {
        IsAvailable = isAvailable;
        Touch(now);
    }

    /// <summary>Checks the invariants without changing anything; throws <see cref="DomainValidationException"/>.</summary>
    public static void Validate(MenuItemDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        _ = new MenuItem().Apply(details);
    }

    private MenuItem Apply(MenuItemDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!Enum.IsDefined(details.Category))
        {
            throw new DomainValidationException(FieldKey.Of(nameof(Category)), "category must be hot or iced.");
        }

        Category = details.Category;
        Title = Guard.Text(details.Title, FieldKey.Of(nameof(Title)), 1, MenuItemLimits.TitleMaxLength);
        Description = Guard.Text(details.Description, FieldKey.Of(nameof(Description)), 0, MenuItemLimits.DescriptionMaxLength);
        _ingredients = ValidIngredients(details.Ingredients);
        Image = ValidImage(details.Image);
        Price = ValidPrice(details.Price);
        IsAvailable = details.IsAvailable;
        return this;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static List<string> ValidIngredients(IReadOnlyList<string>? ingredients)
    {
        if (ingredients is null || ingredients.Count < MenuItemLimits.IngredientsMin || ingredients.Count > MenuItemLimits.IngredientsMax)
        {
            throw new DomainValidationException(
                FieldKey.Of(nameof(Ingredients)),
                $"ingredients must list between {MenuItemLimits.IngredientsMin} and {MenuItemLimits.IngredientsMax} items.");
        }

        return ingredients
            .Select(i => Guard.Text(i, FieldKey.Of(nameof(Ingredients)), 1, MenuItemLimits.IngredientMaxLength))
            .ToList();
    }

    private static string? ValidImage(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return null;
        }

        var trimmed = image.Trim();
        if (trimmed.Length > MenuItemLimits.ImageMaxLength || !IsImageReference(trimmed))
        {
            throw new DomainValidationException(
                FieldKey.Of(nameof(Image)),
                $"image must be an absolute http or https URL or a site-relative path starting with '/', at most {MenuItemLimits.ImageMaxLength} characters.");
        }

        return trimmed;
    }

    /// <summary>An absolute http(s) URL, or a path on this site ("/images/x.svg" but not "//elsewhere").</summary>
    public static bool IsImageReference(string value)
    {
        if (value.StartsWith('/'))
        {
            return !value.StartsWith("//", StringComparison.Ordinal)
                && !value.StartsWith("/\\", StringComparison.Ordinal)
                && Uri.TryCreate(value, UriKind.Relative, out _);
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    private static decimal ValidPrice(decimal price) => MenuItemLimits.ValidPrice(price, FieldKey.Of(nameof(Price)));
}
