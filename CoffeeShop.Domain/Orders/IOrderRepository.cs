using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Orders;

/// <summary>Where orders are kept; an order is always read with its lines.</summary>
public interface IOrderRepository
{
    Task<Order?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>The order with exactly this code (case matters: the code is base64url).</summary>
    Task<Order?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>One page of the orders matching the query, newest first, read without tracking.</summary>
    Task<PagedResult<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken);

    /// <summary>The barista's queue: every Pending, Preparing or Ready order, oldest first, read without tracking.</summary>
    Task<IReadOnlyList<Order>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves a new order, durably, with the record that it answers <paramref name="idempotency"/> (when given) in the
    /// same transaction; the order has its id when this completes. Throws <see cref="ConflictException"/> when a unique
    /// key refuses it (the idempotency key was used meanwhile, a duplicate code); the order is then not saved.
    /// </summary>
    Task AddAsync(Order order, IdempotentRequest? idempotency, CancellationToken cancellationToken);

    /// <summary>The order an idempotency key was first used for, with the hash of that first request.</summary>
    Task<(string RequestHash, Order Order)?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Saves changes to orders read from here; throws ConcurrencyException when an order changed meanwhile.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
