namespace CoffeeShop.Web.WarmUp;

/// <summary>The <c>WarmUp</c> configuration section: requests answered in process before the server opens its port.</summary>
public sealed class WarmUpOptions
{
    public const string SectionName = "WarmUp";

    /// <summary>The busiest anonymous reads: the pages and lists every visitor and client starts with.</summary>
    public static readonly IReadOnlyList<string> DefaultPaths =
        ["/", "/menu", "/menu/1", "/coffee/hot", "/coffee/iced", "/coffee/hot/1", "/api/v1/menu-items", "/api/v1/menu-items/1"];

    /// <summary>On unless configured off (Development is, so that <c>dotnet run</c> starts at once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The paths requested (GET), in turn; <see cref="DefaultPaths"/> when not configured.</summary>
    public IReadOnlyList<string>? Paths { get; set; }

    /// <summary>The warm-up stops once the JIT has compiled nothing new for this long…</summary>
    public int QuietMilliseconds { get; set; } = 500;

    /// <summary>…or after this long at most, so a start is never held up for more.</summary>
    public int MaxMilliseconds { get; set; } = 10_000;

    public IReadOnlyList<string> EffectivePaths => Paths is { Count: > 0 } ? Paths : DefaultPaths;
}
