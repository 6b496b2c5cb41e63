using System.Security.Cryptography;
using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.ApiKeys;

/// <summary>
/// A key a program sends as <c>X-Api-Key</c>. Only its hash is kept: the key itself is shown once, at creation.
/// A key acts with one role and stops working when revoked.
/// </summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 80;

    public ApiKey(string name, string role, string prefix, byte[] hash, string? createdBy, DateTimeOffset now)
        : this()
    {
        Name = Guard.Text(name, FieldKey.Of(nameof(Name)), 1, NameMaxLength);
        Role = string.IsNullOrWhiteSpace(role) ? throw new DomainValidationException(FieldKey.Of(nameof(Role)), "role is required.") : role;
        Prefix = prefix;
        _hash = hash.ToArray();
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    // For EF Core materialisation.
    private ApiKey()
    {
        Name = string.Empty;
        Role = string.Empty;
        Prefix = string.Empty;
        _hash = [];
    }

    /// <summary>SHA-256 of the whole key. The key has 256 random bits, so a fast hash is enough.</summary>
    private byte[] _hash;

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Role { get; private set; }

    /// <summary>The public, non-secret start of the key, used to find it; unique.</summary>
    public string Prefix { get; private set; }

    public string? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Compares in constant time, so response timing tells nothing about the stored hash.</summary>
    public bool HashMatches(byte[] hash) => CryptographicOperations.FixedTimeEquals(hash, _hash);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Records a use; returns true the first time the key is ever used.</summary>
    public bool RecordUse(DateTimeOffset now)
    {
        var first = LastUsedAt is null;
        LastUsedAt = now;
        return first;
    }
}
