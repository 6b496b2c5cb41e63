using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Web.Caching;

/// <summary>
/// The option-group repository with the one read that may be seconds old: <see cref="ListAllAsync"/>, which prices
/// every order with options and shows each item's groups, is answered from the <see cref="MenuSnapshot"/>. A single
/// group and every write go to the database as it stands.
/// </summary>
public sealed class CachedOptionGroupRepository(IOptionGroupRepository inner, MenuSnapshot snapshot) : IOptionGroupRepository
{
    public Task<IReadOnlyList<OptionGroup>> ListAllAsync(CancellationToken cancellationToken) =>
        snapshot.GetOptionGroupsAsync(inner.ListAllAsync, cancellationToken);

    public Task<OptionGroup?> FindAsync(string code, CancellationToken cancellationToken) => inner.FindAsync(code, cancellationToken);

    public Task AddAsync(OptionGroup group, CancellationToken cancellationToken) => inner.AddAsync(group, cancellationToken);

    public void Remove(OptionGroup group) => inner.Remove(group);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => inner.SaveChangesAsync(cancellationToken);
}
