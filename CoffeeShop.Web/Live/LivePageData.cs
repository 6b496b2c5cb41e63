using System.Globalization;
using System.Text.Json;
using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Web.Live;

/// <summary>What the live pages' scripts read from the HTML: the staff moves (from the domain's rules, not rewritten in script) and times.</summary>
public static class LivePageData
{
    /// <summary>Status → the statuses staff may move it to, as JSON: <c>{"Pending":["Preparing","Cancelled"],…}</c>.</summary>
    public static string StaffMovesJson { get; } = JsonSerializer.Serialize(
        Enum.GetValues<OrderStatus>().ToDictionary(
            from => from.ToString(),
            from => Enum.GetValues<OrderStatus>().Where(to => Order.IsAllowedMove(from, to, OrderActor.Staff)).Select(to => to.ToString()).ToArray()));

    /// <summary>A time as the scripts parse it (UTC, milliseconds).</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
