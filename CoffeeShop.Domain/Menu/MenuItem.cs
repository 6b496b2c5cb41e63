using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Domain.Menu;

/// <summary>A drink on the menu. Guards its own invariants; every change bumps <see cref="Version"/>.</summary>
public sealed class MenuItem
{
    private List<string> _ingredients = [];
    private List<MenuItemSize> _sizes = [];
    private List<string> _optionGroupCodes = [];

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

    /// <summary>The default size's price: what the compatible API and clients from before sizes know as the price.</summary>
    public decimal Price { get; private set; }

    /// <summary>The sizes the drink is sold in (1–5), exactly one of them the default.</summary>
    public IReadOnlyList<MenuItemSize> Sizes => _sizes;

    public MenuItemSize DefaultSize => _sizes.Find(s => s.IsDefault) ?? MenuItemSize.Regular(Price);

    /// <summary>The codes of the option groups that apply to this drink (milk for a latte, not for an espresso).</summary>
    public IReadOnlyList<string> OptionGroupCodes => _optionGroupCodes;

    public bool IsAvailable { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The concurrency version: the API exposes it as the ETag.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The item's fields as a replace carries them, with its sizes and groups left to be kept (null): a caller that
    /// changes only the price (a PATCH, the compatible API) moves the default size's price and keeps the rest.
    /// </summary>
    public MenuItemDetails Details => new(Category, Title, Description, Ingredients, Image, Price, IsAvailable);

    public MenuItemSize? FindSize(string code) => _sizes.Find(s => s.Code == code);

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
        (_sizes, Price) = ValidSizes(details.Sizes, ValidPrice(details.Price));
        _optionGroupCodes = ValidOptionGroupCodes(details.OptionGroupCodes);
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

    /// <summary>
    /// The sizes and the price they imply. No sizes given keeps the item's sizes with the default one at
    /// <paramref name="price"/> (a new item gets one regular size), so a client that only knows the price keeps working;
    /// sizes given must agree with <paramref name="price"/> on the default size's price.
    /// </summary>
    private (List<MenuItemSize> Sizes, decimal Price) ValidSizes(IReadOnlyList<MenuItemSize>? sizes, decimal price)
    {
        if (sizes is null)
        {
            return _sizes.Count == 0
                ? ([MenuItemSize.Regular(price)], price)
                : ([.. _sizes.Select(s => s.IsDefault ? s with { Price = price } : s)], price);
        }

        var key = FieldKey.Of(nameof(Sizes));
        if (sizes.Count < MenuItemLimits.SizesMin || sizes.Count > MenuItemLimits.SizesMax)
        {
            throw new DomainValidationException(key, $"sizes must list between {MenuItemLimits.SizesMin} and {MenuItemLimits.SizesMax} sizes.");
        }

        var valid = new List<MenuItemSize>(sizes.Count);
        for (var i = 0; i < sizes.Count; i++)
        {
            var at = key.At(i);
            var size = sizes[i] ?? throw new DomainValidationException(at, $"{at.Label} is required.");
            var code = Slug.Valid(size.Code, at.Then(nameof(MenuItemSize.Code)));
            if (valid.FindIndex(s => s.Code == code) is var first and >= 0)
            {
                throw new DomainValidationException(at.Then(nameof(MenuItemSize.Code)), $"{at.Then(nameof(MenuItemSize.Code)).Label} repeats sizes[{first}].code '{code}'.");
            }

            valid.Add(new MenuItemSize(
                code,
                Guard.Text(size.Name, at.Then(nameof(MenuItemSize.Name)), 1, MenuItemLimits.SizeNameMaxLength),
                MenuItemLimits.ValidPrice(size.Price, at.Then(nameof(MenuItemSize.Price))),
                size.IsDefault));
        }

        var defaults = valid.Where(s => s.IsDefault).ToList();
        if (defaults.Count != 1)
        {
            throw new DomainValidationException(key, "sizes must mark exactly one size as the default (isDefault).");
        }

        if (defaults[0].Price != price)
        {
            throw new DomainValidationException(
                FieldKey.Of(nameof(Price)),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"price must be the default size's price ({defaults[0].Price}), or be left out."));
        }

        return (valid, price);
    }

    private List<string> ValidOptionGroupCodes(IReadOnlyList<string>? codes)
    {
        if (codes is null)
        {
            return _optionGroupCodes;
        }

        var key = FieldKey.Of(nameof(OptionGroupCodes));
        if (codes.Count > OptionGroupLimits.GroupsPerItemMax)
        {
            throw new DomainValidationException(key, $"optionGroupCodes may list at most {OptionGroupLimits.GroupsPerItemMax} groups.");
        }

        var valid = new List<string>(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = Slug.Valid(codes[i], key.At(i));
            if (valid.Contains(code, StringComparer.Ordinal))
            {
                throw new DomainValidationException(key.At(i), $"{key.At(i).Label} repeats the group '{code}'.");
            }

            valid.Add(code);
        }

        return valid;
    }

    private static decimal ValidPrice(decimal price) => MenuItemLimits.ValidPrice(price, FieldKey.Of(nameof(Price)));
}
