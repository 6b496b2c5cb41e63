using CoffeeShop.Data;
using CoffeeShop.Data.Entities;
using CoffeeShop.Data.Writes;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Data;

/// <summary>
/// The order-writing seam: the same scenarios, with the same expected results, through each <see cref="IOrderWriter"/>
/// (EF Core and the SQLite prepared statements) over a real SQLite file, behind the group commit as the app runs it.
/// A new field or child table of an order belongs in <see cref="OnePlacedOrder_ReadsBackWithEverythingItWasPlacedWith"/>.
/// </summary>
[TestFixture(typeof(SqliteOrderWriter))]
[TestFixture(typeof(EfCoreOrderWriter))]
public sealed class OrderWriterTests(Type writerType) : IntegrationTestBase
{
    private MenuItem _latte = null!;
    private MenuItem _mocha = null!;

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["Database:BatchOrderWriter"] = (writerType == typeof(SqliteOrderWriter)).ToString(),
    });

    [OneTimeSetUp]
    public async Task AddMenuAsync()
    {
        _latte = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithPrice(3.90m).BuildDetails() with
        {
            Sizes = [new("small", "Small", 3.40m), new("medium", "Medium", 3.90m, IsDefault: true), new("large", "Large", 4.40m)],
            OptionGroupCodes = ["milk", "extra-shots"],
        });
        _mocha = await Factory.AddMenuItemAsync(new MenuItemBuilder().WithPrice(4.25m).BuildDetails());
    }

    [Test]
    public void Registration_PutsTheChosenWriterBehindTheGroupCommit()
    {
        var writer = Factory.Services.GetRequiredService<IOrderWriter>();

        Assert.That(writer, Is.InstanceOf<OrderCommitQueue>());
        Assert.That(((OrderCommitQueue)writer).Writer, Is.InstanceOf(writerType));
    }

    [Test]
    public async Task OnePlacedOrder_ReadsBackWithEverythingItWasPlacedWith()
    {
        var customerId = await Factory.UserIdOfAsync(await Factory.CreateUserAsync("Customer"));

        var placed = await Factory.PlaceOrderAsync(
            "Ann", [new(_latte.Id, 2, "large", [new("oat-milk"), new("extra-shot", 2)]), new(_mocha.Id, 1)], "to go", customerId);
        var read = await Factory.WithScopeAsync(s => s.GetRequiredService<OrderingService>().GetAsync(placed.Id, CancellationToken.None));

        Assert.That(placed.Id, Is.GreaterThan(0), "the committed order learns its id");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(read.Code, Is.EqualTo(placed.Code));
            Assert.That(read.CustomerName, Is.EqualTo("Ann"));
            Assert.That(read.Notes, Is.EqualTo("to go"));
            Assert.That(read.CustomerId, Is.EqualTo(customerId));
            Assert.That(read.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(read.CreatedAt, Is.EqualTo(placed.CreatedAt));
            Assert.That(read.UpdatedAt, Is.EqualTo(placed.UpdatedAt));
            Assert.That(read.Version, Is.EqualTo(placed.Version));
            Assert.That(read.Total, Is.EqualTo(16.85m), "(4.40 large + 0.50 oat + 2 × 0.70 shots) × 2 + 4.25");
            Assert.That(read.Lines.Select(l => (l.MenuItemId, l.Title, l.SizeCode, l.SizeName, l.UnitPrice, l.Quantity)), Is.EqualTo(new[]
            {
                (_latte.Id, _latte.Title, "large", "Large", 6.30m, 2),
                (_mocha.Id, _mocha.Title, "regular", "Regular", 4.25m, 1),
            }));
            Assert.That(read.Lines[0].Options, Is.EqualTo(new[]
            {
                new OrderLineOption("oat-milk", "Oat milk", 1, 0.50m),
                new OrderLineOption("extra-shot", "Extra espresso shot", 2, 0.70m),
            }));
            Assert.That(read.Lines[1].Options, Is.Empty);
        }
    }

    [Test]
    public async Task ManyConcurrentOrders_EachIsCommittedOnceWithItsOwnId()
    {
        const int count = 40;
        var before = await CountOrdersAsync();

        var placed = await Task.WhenAll(Enumerable.Range(0, count)
            .Select(i => Factory.PlaceOrderAsync($"Guest {i}", [new(_latte.Id, 1 + (i % 3))])));

        Assert.That(placed.Select(o => o.Id), Is.Unique.And.All.GreaterThan(0));
        Assert.That(await CountOrdersAsync(), Is.EqualTo(before + count));
        var lines = await Factory.QueryDatabaseAsync(db => db.Orders.AsNoTracking()
            .Where(o => o.CustomerName.StartsWith("Guest "))
            .Select(o => new { o.CustomerName, o.Lines.Single().Quantity })
            .ToListAsync());
        Assert.That(lines.Select(l => (l.CustomerName, l.Quantity)),
            Is.EquivalentTo(Enumerable.Range(0, count).Select(i => ($"Guest {i}", 1 + (i % 3)))));
    }

    [Test]
    public async Task AnOrderForAMissingItem_IsRefusedAndWritesNothing()
    {
        var before = await CountOrdersAsync();

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => Factory.PlaceOrderAsync("Ann", [new(_latte.Id, 1), new(int.MaxValue, 1)]));

        Assert.That(ex.Key.ToString(), Is.EqualTo("Lines[1].MenuItemId"));
        Assert.That(await CountOrdersAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AnIdempotentRetry_ReturnsTheFirstOrder_AndAnotherBodyWithTheKeyIsRefused()
    {
        var key = new IdempotentRequest("test", Guid.NewGuid().ToString(), "hash-a");
        var before = await CountOrdersAsync();

        var first = await PlaceAsync(key);
        var retry = await PlaceAsync(key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Replayed, retry.Replayed), Is.EqualTo((false, true)));
            Assert.That(retry.Order.Id, Is.EqualTo(first.Order.Id));
            Assert.That(await CountOrdersAsync(), Is.EqualTo(before + 1));
        }

        Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => PlaceAsync(key with { RequestHash = "hash-b" }));
    }

    [Test]
    public async Task ConcurrentRetriesWithOneKey_MakeOneOrder_AndEveryCallerGetsIt()
    {
        var key = new IdempotentRequest("test", Guid.NewGuid().ToString(), "hash-a");
        var before = await CountOrdersAsync();

        var placed = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PlaceAsync(key)));

        Assert.That(placed.Select(p => p.Order.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(placed.Count(p => !p.Replayed), Is.EqualTo(1), "one caller created it; the others were answered with it");
        Assert.That(await CountOrdersAsync(), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task ABatchWithARefusedOrder_IsAConflict_AndWritesNoneOfIt()
    {
        var writer = (IOrderWriter)Activator.CreateInstance(writerType, Factory.Services.GetRequiredService<IServiceScopeFactory>())!;
        var key = new IdempotentRequest("test", Guid.NewGuid().ToString(), "hash");
        await writer.WriteAsync([new NewOrder(NewOrder("Cy"), key)], CancellationToken.None);
        var before = await CountOrdersAsync();
        NewOrder[] batch = [new(NewOrder("Ann"), null), new(NewOrder("Bo"), key with { RequestHash = "other" })];

        Assert.ThrowsAsync<ConflictException>(() => writer.WriteAsync(batch, CancellationToken.None));

        Assert.That(await CountOrdersAsync(), Is.EqualTo(before), "the batch is one transaction");
        Assert.That(batch.Select(n => n.Order.Id), Is.All.Zero, "an order that was not committed has no id");
    }

    private Task<PlacedOrder> PlaceAsync(IdempotentRequest key) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<OrderingService>()
            .PlaceAsync(new OrderRequest("Ann", null, null, [new(_mocha.Id, 1)]), key, CancellationToken.None));

    private Order NewOrder(string name) =>
        new(new RandomOrderCodeGenerator().NewCode(), name, null, null, [new OrderLine(_latte.Id, _latte.Title, _latte.Price, 1)], DateTimeOffset.UtcNow);

    private Task<int> CountOrdersAsync() => Factory.QueryDatabaseAsync(db => db.Orders.CountAsync());
}
