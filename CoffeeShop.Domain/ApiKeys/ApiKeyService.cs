using System.Security.Cryptography;
using System.Text;
using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.ApiKeys;

/// <summary>Issues, checks and revokes API keys. Keys look like <c>cs_{prefix}_{secret}</c>.</summary>
public sealed class ApiKeyService(IApiKeyRepository repository, TimeProvider clock)
{
    private const string Scheme = "cs";

    // A use is written back at most this often, so a busy key does not turn every read into a write.
    private static readonly TimeSpan UseRecordInterval = TimeSpan.FromMinutes(1);

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) => repository.ListAsync(cancellationToken);

    /// <summary>One key's description (never its secret, which is not kept).</summary>
    public async Task<ApiKey> GetAsync(int id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken) ?? throw NotFoundException.For("API key", id);

    /// <summary>Creates a key for <paramref name="role"/>; the plain key in the result is never stored or shown again.</summary>
    public async Task<IssuedApiKey> CreateAsync(string name, string role, string? createdBy, CancellationToken cancellationToken)
    {
        var prefix = KeyText(RandomNumberGenerator.GetBytes(6));
        var secret = KeyText(RandomNumberGenerator.GetBytes(32));
        var plain = $"{Scheme}_{prefix}_{secret}";
        var key = new ApiKey(name, role, prefix, HashOf(plain), createdBy, clock.GetUtcNow());
        await repository.AddAsync(key, cancellationToken);
        await repository.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key, plain);
    }

    /// <summary>The live key matching <paramref name="presented"/>, or null; compares hashes in constant time.</summary>
    public async Task<ApiKeyCheck> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        var prefix = PrefixOf(presented);
        if (prefix is null)
        {
            return ApiKeyCheck.Failed;
        }

        var key = await repository.FindByPrefixAsync(prefix, cancellationToken);
        if (key is null || key.IsRevoked || !key.HashMatches(HashOf(presented!)))
        {
            return ApiKeyCheck.Failed;
        }

        var now = clock.GetUtcNow();
        var firstUse = false;
        if (key.LastUsedAt is null || now - key.LastUsedAt >= UseRecordInterval)
        {
            firstUse = key.RecordUse(now);
            await repository.SaveChangesAsync(cancellationToken);
        }

        return new ApiKeyCheck(key, firstUse);
    }

    public async Task<ApiKey> RevokeAsync(int id, CancellationToken cancellationToken)
    {
        var key = await GetAsync(id, cancellationToken);
        key.Revoke(clock.GetUtcNow());
        await repository.SaveChangesAsync(cancellationToken);
        return key;
    }

    private static string? PrefixOf(string? presented)
    {
        var parts = presented?.Split('_');
        return parts is [Scheme, { Length: > 0 } prefix, { Length: > 0 }] ? prefix : null;
    }

    private static byte[] HashOf(string plain) => SHA256.HashData(Encoding.UTF8.GetBytes(plain));

    /// <summary>
    /// Base64 without padding, with both '+' and '/' written '-'. Not base64url (which writes '/' as '_'): '_' separates
    /// a key's parts, and the text is never decoded, only compared through its hash, so the lost distinction costs nothing.
    /// </summary>
    private static string KeyText(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '-');
}

/// <summary>A key just created, with its plain text (shown once).</summary>
public sealed record IssuedApiKey(ApiKey Key, string PlainKey);

/// <summary>The outcome of checking a presented key.</summary>
public sealed record ApiKeyCheck(ApiKey? Key, bool FirstUse)
{
    public static ApiKeyCheck Failed { get; } = new(null, false);

    public bool Succeeded => Key is not null;
}
