using System.Globalization;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Shop;

/// <summary>Formats amounts in the shop's currency and culture ("$3.90").</summary>
public sealed class PriceFormatter
{
    private readonly NumberFormatInfo _format;

    public PriceFormatter(IOptions<ShopOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var culture = CultureInfo.GetCultureInfo(options.Value.Culture);
        _format = (NumberFormatInfo)culture.NumberFormat.Clone();
        Currency = options.Value.Currency;
        Culture = culture.Name;
    }

    public string Currency { get; }

    /// <summary>The culture's name ("en-US"), for a script that formats amounts the same way (<c>Intl.NumberFormat</c>).</summary>
    public string Culture { get; }

    public string Format(decimal amount) => amount.ToString("C2", _format);
}
