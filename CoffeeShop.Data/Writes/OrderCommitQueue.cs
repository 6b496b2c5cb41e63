using System.Threading.Channels;
using CoffeeShop.Data.Entities;
using CoffeeShop.Data.Repositories;
using CoffeeShop.Domain.Orders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoffeeShop.Data.Writes;

/// <summary>
/// Group commit for new orders. SQLite has one writer, so orders placed at the same moment would queue for
/// the lock one transaction (and one fsync) each. Instead, every order that arrives while a commit is
/// running waits, and the next commit writes them all in one transaction; each caller is answered only
/// after the transaction holding its order is durable. A batch that fails is retried one order at a
/// time, so one bad order (a reused idempotency key) fails alone.
/// </summary>
internal sealed class OrderCommitQueue(IServiceScopeFactory scopes, ILogger<OrderCommitQueue> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private SqliteOrderWriter? _sqlite; // built from the model on first use; only the loop's one thread touches it

    private readonly Channel<PendingOrder> _pending = Channel.CreateUnbounded<PendingOrder>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    /// <summary>Queues the order (and its idempotency record) and completes once it is committed.</summary>
    public Task CommitAsync(Order order, IdempotentRequest? idempotency, CancellationToken cancellationToken)
    {
        var pending = new PendingOrder(order, idempotency);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The order writer has stopped; the app is shutting down.");
        }

        // A caller that gives up still gets its order written: the commit is not undone.
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Take no new orders, but let the loop commit every order already accepted before stopping.
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingOrder>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitBatchAsync(batch);
        }
    }

    private async Task CommitBatchAsync(List<PendingOrder> batch)
    {
        try
        {
            await SaveAsync(batch);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetResult();
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogDebug(ex, "A batch of {Count} orders failed; committing them one by one", batch.Count);
            foreach (var pending in batch)
            {
                await CommitBatchAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Committed.TrySetException(ex);
        }
    }

    private async Task SaveAsync(List<PendingOrder> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoffeeShopDbContext>();
        if (db.Database.IsSqlite())
        {
            _sqlite ??= new SqliteOrderWriter(db.Model);
            try
            {
                await _sqlite.WriteAsync(db, [.. batch.Select(p => (p.Order, p.Idempotency))]);
            }
            catch (SqliteException ex) when (DbContextSaveExtensions.IsUniqueViolation(ex))
            {
                throw DbContextSaveExtensions.Conflict(ex);
            }

            return;
        }

        foreach (var (order, idempotency) in batch)
        {
            db.Orders.Add(order);
            if (idempotency is not null)
            {
                db.Set<IdempotencyRecord>().Add(IdempotencyRecord.For(order, idempotency));
            }
        }

        // One SaveChanges is one transaction: all of the batch is durable, or none of it.
        await db.SaveChangesTranslatingAsync(CancellationToken.None);
    }

    private sealed record PendingOrder(Order Order, IdempotentRequest? Idempotency)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
