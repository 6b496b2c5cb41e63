using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoffeeShop.Data.Writes;

/// <summary>
/// Group commit in front of an <see cref="IOrderWriter"/>. SQLite has one writer, so orders placed at the same moment
/// would queue for the lock one transaction (and one fsync) each. Instead, every order that arrives while a commit is
/// running waits, and the next commit writes them all with one call to the writer (one transaction); each caller is
/// answered only after the transaction holding its order is durable. A batch that fails is retried one order at a
/// time, so one bad order (a reused idempotency key) fails alone. Orders given in one call may thus commit in
/// different transactions; each order with its idempotency record is still atomic, which is all the seam promises.
/// </summary>
internal sealed class OrderCommitQueue(IOrderWriter writer, ILogger<OrderCommitQueue> logger) : BackgroundService, IOrderWriter
{
    private const int MaxBatch = 256;

    /// <summary>The writer each batch goes to.</summary>
    public IOrderWriter Writer => writer;

    private readonly Channel<PendingOrder> _pending = Channel.CreateUnbounded<PendingOrder>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    /// <summary>Queues the orders and completes once each is committed.</summary>
    public Task WriteAsync(IReadOnlyList<NewOrder> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return orders.Count == 1
            ? EnqueueAsync(orders[0], cancellationToken)
            : Task.WhenAll(orders.Select(o => EnqueueAsync(o, cancellationToken)));
    }

    private Task EnqueueAsync(NewOrder order, CancellationToken cancellationToken)
    {
        var pending = new PendingOrder(order);
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
            await writer.WriteAsync([.. batch.Select(p => p.Order)], CancellationToken.None);
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

    private sealed record PendingOrder(NewOrder Order)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
