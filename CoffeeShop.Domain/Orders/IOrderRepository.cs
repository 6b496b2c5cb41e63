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

    Task AddAsync(Order order, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="order"/> answers the idempotent request; saved with the order, atomically.</summary>
    void AddIdempotencyRecord(Order order, IdempotentRequest request);

    /// <summary>The order an idempotency key was first used for, with the hash of that first request.</summary>
    Task<(string RequestHash, Order Order)?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Saves changes; throws ConcurrencyException when the order changed meanwhile, ConflictException on a duplicate code.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
