namespace CoffeeShop.Domain.Menu;

/// <summary>One size a drink is sold in, with its own price; exactly one size of an item is the default.</summary>
public sealed record MenuItemSize(string Code, string Name, decimal Price, bool IsDefault = false)
{
    /// <summary>The one size an item has when nobody gave it sizes (the compatible API, items from before sizes).</summary>
    public const string RegularCode = "regular";

    public const string RegularName = "Regular";

    public static MenuItemSize Regular(decimal price) => new(RegularCode, RegularName, price, IsDefault: true);
}
