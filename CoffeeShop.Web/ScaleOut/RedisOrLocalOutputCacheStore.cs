using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace CoffeeShop.Web.ScaleOut;

/// <summary>
/// The output cache stored in Redis (<c>Redis:OutputCacheStore = Redis</c>), with this instance's memory while Redis is
/// away: the Redis store alone would fail every cached GET then. Entries are read and written in Redis while it is
/// there, in memory otherwise; an eviction goes to both, so neither keeps a menu older than the last write it heard
/// of. Menu writes made while Redis was away never reached its copies, so every instance drops the menu there when
/// it comes back (<see cref="RedisMenuEvictions"/>, as with the cache in memory).
/// </summary>
internal sealed class RedisOrLocalOutputCacheStore(IOutputCacheStore stored, IOutputCacheStore local, RedisConnection redis) : IOutputCacheStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (redis.IsAvailable)
        {
            try
            {
                return await stored.GetAsync(key, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Redis went away just now: answer from memory, as while it is away.
            }
        }

        return await local.GetAsync(key, cancellationToken);
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (redis.IsAvailable)
        {
            try
            {
                await stored.SetAsync(key, value, tags, validFor, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Kept in memory instead.
            }
        }

        await local.SetAsync(key, value, tags, validFor, cancellationToken);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await local.EvictByTagAsync(tag, cancellationToken);
        if (redis.IsAvailable)
        {
            try
            {
                await stored.EvictByTagAsync(tag, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Dropped there when Redis is back (RedisMenuEvictions).
            }
        }
    }
}
