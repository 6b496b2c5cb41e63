namespace CoffeeShop.Domain.Common;

/// <summary>Guard clauses that throw <see cref="DomainValidationException"/> naming the field.</summary>
internal static class Guard
{
    public static string Text(string? value, FieldKey field, int minLength, int maxLength)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length < minLength || text.Length > maxLength)
        {
            throw new DomainValidationException(
                field,
                minLength == 0
                    ? $"{field.Label} must be at most {maxLength} characters."
                    : $"{field.Label} must be between {minLength} and {maxLength} characters.");
        }

        return text;
    }

    public static int Range(int value, FieldKey field, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new DomainValidationException(field, $"{field.Label} must be between {min} and {max}.");
        }

        return value;
    }
}
