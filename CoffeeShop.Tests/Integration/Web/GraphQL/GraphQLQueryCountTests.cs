using System.Data.Common;
using System.Diagnostics;
using System.Reflection;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Web.GraphQL;

/// <summary>
/// No N+1: a page of orders with their lines and each line's menu item costs the same number of SQL commands
/// for 1 order as for 20 (counted from EF Core's diagnostic events for this fixture's database only), and one
/// read of menu items however many lines there are (counted at the repository: the menu snapshot would hide a
/// read per line from the SQL count); likewise one read of the option groups for a page of drinks and their groups.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GraphQLQueryCountTests : IntegrationTestBase
{
    private const string Page = "query ($first: Int) { myOrders(first: $first) { totalCount edges { node { id total lines { title quantity menuItem { id title price } } } } } }";

    // The menu snapshot lasts a few seconds of this clock; standing still, it cannot expire between the two counts.
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);
    private readonly Reads _menuReads = new();
    private readonly Reads _optionGroupReads = new();

    [Test]
    public async Task MyOrders_PageOf1AndPageOf20WithLinesAndMenuItems_CostTheSameNumberOfCommands()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        var customerId = await Factory.UserIdOfAsync(email);
        for (var i = 0; i < 20; i++)
        {
            await Factory.PlaceOrderAsync($"Regular {i}", [new OrderLineRequest(1 + (i % 10), 1), new OrderLineRequest(11 + (i % 10), 2)], customerId: customerId);
        }

        using var anonymous = Factory.CreateClient();
        using var customer = Factory.CreateClientWithToken(await CoffeeShopWebFactory.GetTokenAsync(anonymous, email));
        using var counter = new SqlCommandCounter(Path.GetFileName(Factory.DatabasePath));

        // Each pooled DbContext caches whether anyone listens to its diagnostics for EF Core's logging cache time
        // (1 s by default): keep the app busy until every context has looked again since the counter subscribed.
        var subscribed = Stopwatch.StartNew();
        while (counter.Count == 0 || subscribed.Elapsed < TimeSpan.FromSeconds(2))
        {
            Assert.That(subscribed.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "EF Core's command events never reached the counter");
            await customer.GraphQLAsync(Page, new { first = 1 });
        }

        var (one, onePage) = await CountAsync(counter, () => customer.GraphQLAsync(Page, new { first = 1 }));
        var menuReadsBefore = _menuReads.Count;
        var (twenty, twentyPage) = await CountAsync(counter, () => customer.GraphQLAsync(Page, new { first = 20 }));
        var menuReadsForTwenty = _menuReads.Count - menuReadsBefore;

        var nodes = twentyPage.Data.GetProperty("myOrders").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(onePage.Errors, Is.Empty, onePage.ToString());
            Assert.That(nodes, Has.Count.EqualTo(20), twentyPage.ToString());
            Assert.That(nodes.SelectMany(n => n.GetProperty("lines").EnumerateArray()).Select(l => l.GetProperty("menuItem").GetProperty("id").GetInt32()), Is.All.Positive);
            Assert.That(twenty, Is.EqualTo(one), "a longer page must not cost more queries");
            Assert.That(one, Is.LessThanOrEqualTo(3), "the count and the page (and at most one read of the menu)");
            Assert.That(menuReadsForTwenty, Is.EqualTo(1), "the 40 lines' menu items are read together");
        }
    }

    [Test]
    public async Task MenuItemsWithTheirOptionGroups_APageOf20AndTheGroupList_ReadTheGroupsOnce()
    {
        const string query = "{ optionGroups { code } menuItems(first: 20) { edges { node { id optionGroups { code options { code } } } } } }";
        var before = _optionGroupReads.Count;

        var answer = await Client.GraphQLAsync(query);

        var nodes = answer.Data.GetProperty("menuItems").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Errors, Is.Empty, answer.ToString());
            Assert.That(nodes.Count(n => n.GetProperty("optionGroups").GetArrayLength() > 0), Is.GreaterThan(10), "most drinks offer groups");
            Assert.That(_optionGroupReads.Count - before, Is.EqualTo(1), "one catalog for the request, however many drinks");
        }
    }

    protected override CoffeeShopWebFactory CreateFactory() => new ClockedFactory(_clock, _menuReads, _optionGroupReads);

    private static async Task<(int Commands, GraphQLAnswer Answer)> CountAsync(SqlCommandCounter counter, Func<Task<GraphQLAnswer>> request)
    {
        var before = counter.Count;
        var answer = await request();
        return (counter.Count - before, answer);
    }

    private sealed class ClockedFactory(TimeProvider clock, Reads menuReads, Reads optionGroupReads) : CoffeeShopWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(clock);
                Count<IMenuItemRepository>(services, nameof(IMenuItemRepository.FindManyAsync), menuReads);
                Count<IOptionGroupRepository>(services, nameof(IOptionGroupRepository.ListAllAsync), optionGroupReads);
            });
        }

        /// <summary>Wraps the registered <typeparamref name="TRepository"/> in a proxy that counts calls to <paramref name="method"/>.</summary>
        private static void Count<TRepository>(IServiceCollection services, string method, Reads reads)
            where TRepository : class
        {
            var repository = services.Last(d => d.ServiceType == typeof(TRepository));
            services.AddScoped(provider =>
            {
                var inner = (TRepository)(repository.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, repository.ImplementationType!));
                var proxy = DispatchProxy.Create<TRepository, CountingProxy>();
                ((CountingProxy)(object)proxy).Wrap(inner, method, reads);
                return proxy;
            });
        }
    }

    /// <summary>How many times the app called the counted repository method.</summary>
    private sealed class Reads
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>Forwards every call to the real repository, counting one method.</summary>
    public class CountingProxy : DispatchProxy
    {
        private object? _inner;
        private string? _method;
        private Reads? _reads;

        internal void Wrap(object inner, string method, object reads)
        {
            _inner = inner;
            _method = method;
            _reads = (Reads)reads;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == _method)
            {
                _reads!.Add();
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }

    /// <summary>Counts the commands EF Core runs against one database file while it lives.</summary>
    private sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _databaseFile;
        private readonly IDisposable _listeners;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public SqlCommandCounter(string databaseFile)
        {
            _databaseFile = databaseFile;
            _listeners = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name
                && value.Value is CommandEventData { Command: DbCommand command }
                && command.Connection?.DataSource?.EndsWith(_databaseFile, StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _listeners.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
