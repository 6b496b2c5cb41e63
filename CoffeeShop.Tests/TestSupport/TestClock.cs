namespace CoffeeShop.Tests.TestSupport;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = now;

    public TestClock()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
