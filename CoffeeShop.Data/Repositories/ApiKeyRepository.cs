using CoffeeShop.Domain.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Repositories;

internal sealed class ApiKeyRepository(CoffeeShopDbContext db) : IApiKeyRepository
{
    public Task<ApiKey?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    public Task<ApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(cancellationToken);

    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken) => await db.ApiKeys.AddAsync(key, cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesTranslatingAsync(cancellationToken);
}
