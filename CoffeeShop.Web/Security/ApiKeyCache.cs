using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace CoffeeShop.Web.Security;

/// <summary>
/// Keys checked recently, so a busy program's requests are not each a database read. Only successes are kept,
/// under the key's hash, for <see cref="Lifetime"/>. A revoke clears this instance's cache at once; another
/// instance honours the revoke within <see cref="Lifetime"/> (see docs/security.md).
/// </summary>
public sealed class ApiKeyCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public bool TryGet(string presented, out CachedApiKey key) =>
        _cache.TryGetValue(CacheKey(presented), out key!);

    public void Remember(string presented, CachedApiKey key) =>
        _cache.Set(CacheKey(presented), key, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });

    /// <summary>Forgets every key: called on revoke, so a revoked key fails on its very next request here.</summary>
    public void Clear() => _cache.Compact(1.0);

    public void Dispose() => _cache.Dispose();

    private static string CacheKey(string presented) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}

/// <summary>What a request needs of a checked key.</summary>
public sealed record CachedApiKey(int Id, string Name, string Role);
