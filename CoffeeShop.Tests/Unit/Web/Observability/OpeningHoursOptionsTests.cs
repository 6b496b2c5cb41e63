using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Observability;

namespace CoffeeShop.Tests.Unit.Web.Observability;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OpeningHoursOptionsTests
{
    [TestCase("06:59", false)]
    [TestCase("07:00", true)]
    [TestCase("18:59", true)]
    [TestCase("19:00", false)]
    public void IsOpenAt_DaytimeHours_OpensAtOpenAndClosesAtClose(string utcTime, bool open)
    {
        var hours = new OpeningHoursOptions { Open = new TimeOnly(7, 0), Close = new TimeOnly(19, 0), TimeZone = "UTC" };

        Assert.That(hours.IsOpenAt(At(utcTime)), Is.EqualTo(open));
    }

    [TestCase("21:30", true)]
    [TestCase("01:00", true)]
    [TestCase("03:00", false)]
    [TestCase("12:00", false)]
    public void IsOpenAt_HoursPastMidnight_StaysOpenAcrossIt(string utcTime, bool open)
    {
        var hours = new OpeningHoursOptions { Open = new TimeOnly(20, 0), Close = new TimeOnly(2, 0), TimeZone = "UTC" };

        Assert.That(hours.IsOpenAt(At(utcTime)), Is.EqualTo(open));
    }

    [Test]
    public void IsOpenAt_InAnotherTimeZone_ReadsTheLocalTime()
    {
        var hours = new OpeningHoursOptions { Open = new TimeOnly(7, 0), Close = new TimeOnly(19, 0), TimeZone = "Asia/Tokyo" };

        Assert.Multiple(() =>
        {
            Assert.That(hours.IsOpenAt(At("23:00")), Is.True, "08:00 in Tokyo");
            Assert.That(hours.IsOpenAt(At("12:00")), Is.False, "21:00 in Tokyo");
        });
    }

    private static DateTimeOffset At(string utcTime) =>
        new(new DateOnly(2026, 12, 5), TimeOnly.Parse(utcTime, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
}
