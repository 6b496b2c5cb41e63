namespace CoffeeShop.Web.Contracts.ApiKeys;

/// <summary>An API key as listed: never the key itself, only its public prefix.</summary>
public class ApiKeyResponse
{
    public required int Id { get; init; }

    public required string Name { get; init; }

    public required string Role { get; init; }

    /// <summary>The key's public prefix (cs_{prefix}_…), to tell keys apart.</summary>
    public required string Prefix { get; init; }

    public string? CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>A key just created. <see cref="Key"/> is shown this once and cannot be read again.</summary>
public sealed class CreatedApiKeyResponse : ApiKeyResponse
{
    public required string Key { get; init; }
}
