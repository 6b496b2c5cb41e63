using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// A switch that makes the next order saves fail (with a <see cref="ConcurrencyException"/>, as a lost race would)
/// before anything reaches the database; <see cref="FailingSavesWebFactory"/> wires it.
/// </summary>
public sealed class SaveFailures
{
    private int _failNext;

    /// <summary>How many of the coming saves fail.</summary>
    public int FailNext
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, value);
    }

    internal bool TakeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failNext);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failNext, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}

/// <summary>The app with its order repository wrapped so <see cref="SaveFailures"/> can make saves fail.</summary>
public sealed class FailingSavesWebFactory(SaveFailures failures, IReadOnlyDictionary<string, string?>? settings = null) : CoffeeShopWebFactory(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var registration = services.Last(d => d.ServiceType == typeof(IOrderRepository));
            services.Remove(registration);
            services.AddScoped<IOrderRepository>(sp => new FailingOrderRepository(
                (IOrderRepository)(registration.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, registration.ImplementationType!)),
                failures));
        });
    }

    private sealed class FailingOrderRepository(IOrderRepository inner, SaveFailures failures) : IOrderRepository
    {
        public Task<Order?> FindAsync(int id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

        public Task<Order?> FindByCodeAsync(string code, CancellationToken cancellationToken) => inner.FindByCodeAsync(code, cancellationToken);

        public Task<PagedResult<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

        public Task<IReadOnlyList<Order>> ListOpenAsync(CancellationToken cancellationToken) => inner.ListOpenAsync(cancellationToken);

        public Task AddAsync(Order order, IdempotentRequest? idempotency, CancellationToken cancellationToken) =>
            failures.TakeFailure()
                ? Task.FromException(new ConcurrencyException("The order could not be saved (a test made this save fail)."))
                : inner.AddAsync(order, idempotency, cancellationToken);

        public Task<(string RequestHash, Order Order)?> FindByIdempotencyKeyAsync(string scope, string key, CancellationToken cancellationToken) =>
            inner.FindByIdempotencyKeyAsync(scope, key, cancellationToken);

        public Task SaveChangesAsync(CancellationToken cancellationToken) =>
            failures.TakeFailure()
                ? Task.FromException(new ConcurrencyException("The order changed meanwhile (a test made this save fail)."))
                : inner.SaveChangesAsync(cancellationToken);
    }
}
