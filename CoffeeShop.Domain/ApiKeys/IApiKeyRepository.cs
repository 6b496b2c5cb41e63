namespace CoffeeShop.Domain.ApiKeys;

/// <summary>Where API keys are kept.</summary>
public interface IApiKeyRepository
{
    Task<ApiKey?> FindAsync(int id, CancellationToken cancellationToken);

    Task<ApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}
