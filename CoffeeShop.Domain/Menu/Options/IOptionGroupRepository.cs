namespace CoffeeShop.Domain.Menu.Options;

/// <summary>Where option groups are kept.</summary>
public interface IOptionGroupRepository
{
    /// <summary>Every group with its options, in creation order, read without tracking.</summary>
    Task<IReadOnlyList<OptionGroup>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>The group with this code, tracked for a change.</summary>
    Task<OptionGroup?> FindAsync(string code, CancellationToken cancellationToken);

    Task AddAsync(OptionGroup group, CancellationToken cancellationToken);

    void Remove(OptionGroup group);

    /// <summary>Saves changes; throws ConcurrencyException when the group changed meanwhile, ConflictException on a duplicate code.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
