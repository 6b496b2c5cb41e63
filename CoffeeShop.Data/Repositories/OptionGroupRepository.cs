using CoffeeShop.Domain.Menu.Options;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Repositories;

/// <summary>The option groups as the database holds them now.</summary>
internal sealed class OptionGroupRepository(CoffeeShopDbContext db) : IOptionGroupRepository
{
    public async Task<IReadOnlyList<OptionGroup>> ListAllAsync(CancellationToken cancellationToken) =>
        await db.OptionGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);

    public Task<OptionGroup?> FindAsync(string code, CancellationToken cancellationToken) =>
        db.OptionGroups.FirstOrDefaultAsync(g => g.Code == code, cancellationToken);

    public async Task AddAsync(OptionGroup group, CancellationToken cancellationToken) =>
        await db.OptionGroups.AddAsync(group, cancellationToken);

    public void Remove(OptionGroup group) => db.OptionGroups.Remove(group);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesTranslatingAsync(cancellationToken);
}
