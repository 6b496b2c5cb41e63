using CoffeeShop.Data.Entities;
using CoffeeShop.Data.Writes;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Repositories;

/// <summary>Reads and updates orders through EF Core; new orders go to the <see cref="IOrderWriter"/> chosen at registration.</summary>
internal sealed class OrderRepository(CoffeeShopDbContext db, IOrderWriter writer) : IOrderRepository
{
    // Owned lines come with their order in the same query anyway; the explicit include only orders them.
    // Without it EF sorts by the order's key alone and the lines arrive in whatever order the database likes.
    private IQueryable<Order> Orders => db.Orders.Include(o => o.Lines.OrderBy(l => l.Position));

    public Task<Order?> FindAsync(int id, CancellationToken cancellationToken) =>
        Orders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<Order?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        Orders.FirstOrDefaultAsync(o => o.Code == code, cancellationToken);

    public async Task<PagedResult<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        var filtered = Filter(Orders.AsNoTracking(), query);
        var total = await filtered.CountAsync(cancellationToken);
        var items = total == 0
            ? []
            : await filtered
                .OrderByDescending(o => o.CreatedAt)
                .ThenByDescending(o => o.Id) // a stable tie-break keeps pages from overlapping
                .Skip(query.Skip)
                .Take(query.PageSize)
                .ToListAsync(cancellationToken);
        return new PagedResult<Order>(items, query.Page, query.PageSize, total);
    }

    public async Task<IReadOnlyList<Order>> ListOpenAsync(CancellationToken cancellationToken) =>
        await Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending || o.Status == OrderStatus.Preparing || o.Status == OrderStatus.Ready)
            .OrderBy(o => o.CreatedAt)
            .ThenBy(o => o.Id)
            .ToListAsync(cancellationToken);

    public Task AddAsync(Order order, IdempotentRequest? idempotency, CancellationToken cancellationToken) =>
        writer.WriteAsync([new NewOrder(order, idempotency)], cancellationToken);

    public async Task<(string RequestHash, Order Order)?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var record = await db.Set<IdempotencyRecord>().AsNoTracking()
            .Where(r => r.Scope == scope && r.Key == key)
            .Select(r => new { r.RequestHash, r.OrderId })
            .FirstOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }

        var order = await Orders.AsNoTracking().FirstAsync(o => o.Id == record.OrderId, cancellationToken);
        return (record.RequestHash, order);
    }

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesTranslatingAsync(cancellationToken);

    private static IQueryable<Order> Filter(IQueryable<Order> orders, OrderQuery query)
    {
        if (query.CustomerId is { } customerId)
        {
            orders = orders.Where(o => o.CustomerId == customerId);
        }

        if (query.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        return orders;
    }
}
