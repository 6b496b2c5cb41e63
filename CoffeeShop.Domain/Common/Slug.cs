namespace CoffeeShop.Domain.Common;

/// <summary>
/// The codes of sizes, option groups and options: lowercase slugs (<c>oat-milk</c>), stable enough for clients to
/// send and for URLs to carry.
/// </summary>
public static class Slug
{
    public const int MaxLength = 40;

    /// <summary>The rule in words, for every message that states it.</summary>
    public static string Rule { get; } =
        $"1 to {MaxLength} lowercase letters, digits and single hyphens, starting with a letter or digit (e.g. oat-milk)";

    public static string Message(FieldKey key) => $"{key.Label} must be {Rule}.";

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && value[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    internal static string Valid(string? value, FieldKey key) =>
        IsValid(value) ? value! : throw new DomainValidationException(key, Message(key));
}
