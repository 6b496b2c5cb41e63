namespace CoffeeShop.Domain.Orders;

/// <summary>Where an order is on its way from the counter to the customer; <see cref="Order.IsAllowedMove"/> lists the moves.</summary>
public enum OrderStatus
{
    Pending = 1,
    Preparing = 2,
    Ready = 3,
    Completed = 4,
    Cancelled = 5,
}

/// <summary>The one reading of a status from text, for every front end: a status's name in any case, nothing else (no numbers, no lists).</summary>
public static class OrderStatuses
{
    public static string Message { get; } = $"status must be one of {string.Join(", ", Enum.GetNames<OrderStatus>())}.";

    public static bool TryParse(string? text, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Parses a status already checked with <see cref="TryParse"/>.</summary>
    public static OrderStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new FormatException(Message);
}
