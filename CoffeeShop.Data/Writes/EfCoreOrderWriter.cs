using CoffeeShop.Data.Entities;
using CoffeeShop.Data.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Data.Writes;

/// <summary>Writes new orders through EF Core's change tracker, one <c>SaveChanges</c> (one transaction) per call; any provider.</summary>
internal sealed class EfCoreOrderWriter(IServiceScopeFactory scopes) : IOrderWriter
{
    public async Task WriteAsync(IReadOnlyList<NewOrder> orders, CancellationToken cancellationToken)
    {
        // A context of its own: a failed batch leaves nothing tracked for the retry or for the caller's unit of work.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoffeeShopDbContext>();
        foreach (var (order, idempotency) in orders)
        {
            db.Orders.Add(order);
            if (idempotency is not null)
            {
                db.Set<IdempotencyRecord>().Add(IdempotencyRecord.For(order, idempotency));
            }
        }

        await db.SaveChangesTranslatingAsync(cancellationToken);
    }
}
