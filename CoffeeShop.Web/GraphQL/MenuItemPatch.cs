using CoffeeShop.Domain.Menu;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// updateMenuItem's input merged over the item's current details (as a JSON merge patch is): a field left out
/// keeps its value, <c>image: null</c> removes the picture, and null for any other field is refused. The merged
/// details then go through <see cref="MenuService.ReplaceAsync"/>, so every menu rule applies as for the API.
/// </summary>
public static class MenuItemPatch
{
    public const string Category = "category";
    public const string Title = "title";
    public const string Description = "description";
    public const string Ingredients = "ingredients";
    public const string Image = "image";
    public const string Price = "price";
    public const string IsAvailable = "isAvailable";
    public const string ExpectedVersion = "expectedVersion";

    public static int? ExpectedVersionOf(IReadOnlyDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.TryGetValue(ExpectedVersion, out var version) && version is not null ? Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public static MenuItemDetails Apply(MenuItemDetails current, IReadOnlyDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(input);
        if (!input.Keys.Any(k => k != ExpectedVersion))
        {
            throw GraphQLErrors.Invalid("input", "Give at least one field to change.");
        }

        return current with
        {
            Category = Value(input, Category, current.Category),
            Title = Value(input, Title, current.Title),
            Description = Value(input, Description, current.Description),
            Ingredients = input.ContainsKey(Ingredients)
                ? [.. Value<IEnumerable<object?>>(input, Ingredients, []).Select(i => i as string ?? string.Empty)]
                : current.Ingredients,
            Image = input.TryGetValue(Image, out var image) ? image as string : current.Image,
            Price = Value(input, Price, current.Price),
            IsAvailable = Value(input, IsAvailable, current.IsAvailable),
        };
    }

    private static T Value<T>(IReadOnlyDictionary<string, object?> input, string field, T current)
    {
        if (!input.TryGetValue(field, out var value))
        {
            return current;
        }

        return value is T typed ? typed : throw GraphQLErrors.Invalid(field, $"{field} cannot be null; leave it out to keep its value.");
    }
}
