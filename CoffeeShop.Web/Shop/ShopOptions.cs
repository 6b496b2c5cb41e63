namespace CoffeeShop.Web.Shop;

/// <summary>The <c>Shop</c> configuration section: how money is shown and what the compatible API charges.</summary>
public sealed class ShopOptions
{
    public const string SectionName = "Shop";

    /// <summary>ISO 4217 code of the shop's currency, shown beside API prices.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>The culture that formats prices on the pages.</summary>
    public string Culture { get; set; } = "en-US";

    /// <summary>The price given to drinks created through the compatible <c>/coffee</c> API, which has no price field.</summary>
    public decimal DefaultPrice { get; set; } = 3.50m;
}
