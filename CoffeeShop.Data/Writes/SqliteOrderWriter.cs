using System.Globalization;
using System.Reflection;
using CoffeeShop.Data.Entities;
using CoffeeShop.Data.Repositories;
using CoffeeShop.Domain.Orders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Data.Writes;

/// <summary>
/// Writes new orders to SQLite with three prepared statements (the order, each line, the idempotency record) in one
/// transaction per call. EF Core's change tracker did the same work at about three times the CPU: under load it was
/// ≈ 16 % of an order POST's (docs/performance.md). Each statement is built from the EF model (<see cref="TableInsert"/>),
/// so a new column or owned table reaches it through the model and the migrations, not through this class.
/// </summary>
internal sealed class SqliteOrderWriter(IServiceScopeFactory scopes) : IOrderWriter
{
    private Statements? _statements; // built from the model on first use; two callers racing build the same thing

    public async Task WriteAsync(IReadOnlyList<NewOrder> orders, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoffeeShopDbContext>();
        var statements = _statements ??= new Statements(db.Model);
        var ids = new int[orders.Count];
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            using var insertOrder = statements.Orders.Prepare(connection, transaction);
            using var insertLine = statements.Lines.Prepare(connection, transaction);
            using var insertIdempotency = statements.Idempotency.Prepare(connection, transaction);
            for (var i = 0; i < orders.Count; i++)
            {
                var (order, idempotency) = orders[i];
                statements.Orders.Bind(insertOrder, order);
                ids[i] = Convert.ToInt32(await insertOrder.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                foreach (var line in order.Lines)
                {
                    statements.Lines.Bind(insertLine, line, ids[i]);
                    await insertLine.ExecuteNonQueryAsync(cancellationToken);
                }

                if (idempotency is not null)
                {
                    var record = IdempotencyRecord.For(order, idempotency);
                    record.OrderId = ids[i];
                    statements.Idempotency.Bind(insertIdempotency, record);
                    await insertIdempotency.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException ex) when (DbContextSaveExtensions.IsUniqueViolation(ex))
        {
            throw DbContextSaveExtensions.Conflict(ex);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Only a committed order learns its id, as with EF Core.
        for (var i = 0; i < orders.Count; i++)
        {
            statements.OrderId.SetValue(orders[i].Order, ids[i]);
        }
    }

    private sealed class Statements(IModel model)
    {
        public TableInsert Orders { get; } = TableInsert.For(model, typeof(Order));

        public TableInsert Lines { get; } = TableInsert.For(model, typeof(OrderLine));

        public TableInsert Idempotency { get; } = TableInsert.For(model, typeof(IdempotencyRecord));

        // Order.Id has a private setter, which reflection calls (EF's own setters are internal API).
        public PropertyInfo OrderId { get; } = model.FindEntityType(typeof(Order))!.FindPrimaryKey()!.Properties[0].PropertyInfo!;
    }
}
