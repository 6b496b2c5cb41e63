namespace CoffeeShop.Domain.Orders;

/// <summary>The limits of an order, shared by the entity and the request models at the edge.</summary>
public static class OrderLimits
{
    public const int CustomerNameMaxLength = 60;
    public const int NotesMaxLength = 500;
    public const int LinesMin = 1;
    public const int LinesMax = 20;
    public const int QuantityMin = 1;
    public const int QuantityMax = 20;

    public static string LineCountMessage { get; } = $"lines must list between {LinesMin} and {LinesMax} items.";

    /// <summary>Room above the 22 characters of today's codes, so a longer code later needs no schema change.</summary>
    public const int CodeMaxLength = 32;

    /// <summary>Identity's user ids are keys, which SQL Server indexes as nvarchar(450).</summary>
    public const int CustomerIdMaxLength = 450;
}
