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

    /// <summary>
    /// Where the output cache keeps its entries with Redis configured: each instance's memory, with menu evictions
    /// broadcast over Redis (the default), or Redis itself. The benchmark decides (docs/operations.md).
    /// </summary>
    public OutputCacheStoreKind OutputCacheStore { get; set; } = OutputCacheStoreKind.Memory;

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}

/// <summary>The places the output cache can keep its entries in (<see cref="RedisOptions.OutputCacheStore"/>).</summary>
public enum OutputCacheStoreKind
{
    /// <summary>Each instance's memory; a menu write is broadcast over Redis pub/sub and every instance drops its copies.</summary>
    Memory,

    /// <summary>Redis, shared by every instance (this instance's memory while Redis is away).</summary>
    Redis,
}
