namespace CoffeeShop.Web.ScaleOut;

/// <summary>
/// The <c>Redis</c> configuration section. With <see cref="Configuration"/> set, the instances share rate limits,
/// output-cache evictions and live updates through Redis; without it (the embedded default) each works alone.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:6379,password=…,ssl=true</c>); a secret.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefixes every key and channel, so several apps (or test runs) can share one Redis.</summary>
    public string Prefix { get; set; } = "coffeeshop";

    /// <summary>How long to wait between reconnection attempts while Redis is away.</summary>
    public int ReconnectMilliseconds { get; set; } = 1000;

    /// <summary>How long one command may take before it counts as a failure (and the app falls back to local behaviour).</summary>
    public int CommandTimeoutMilliseconds { get; set; } = 1000;

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
