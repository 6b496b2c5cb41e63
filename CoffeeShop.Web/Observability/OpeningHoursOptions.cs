namespace CoffeeShop.Web.Observability;

/// <summary>
/// <c>Monitoring:OpeningHours</c>: when the shop expects orders, so that "no order for 30 minutes" alerts only while it
/// is open. Times of day in the named time zone (an IANA id); Close before Open means the shop is open past midnight.
/// </summary>
public sealed class OpeningHoursOptions
{
    public const string SectionName = "Monitoring:OpeningHours";

    public TimeOnly Open { get; set; } = new(7, 0);

    public TimeOnly Close { get; set; } = new(19, 0);

    public string TimeZone { get; set; } = "UTC";

    /// <summary>Whether the shop is open at <paramref name="utcNow"/>.</summary>
    public bool IsOpenAt(DateTimeOffset utcNow)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
        return Open <= Close ? local >= Open && local < Close : local >= Open || local < Close;
    }
}
