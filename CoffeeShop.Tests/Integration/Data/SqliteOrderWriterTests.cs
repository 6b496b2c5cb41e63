using CoffeeShop.Data.Entities;
using CoffeeShop.Data.Providers;
using CoffeeShop.Data.Writes;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Integration.Data;

/// <summary>
/// The group commit's SQLite writer against a migrated database: its statements cover every column the migrations
/// created, and what it writes reads back through EF Core exactly as EF Core would have written it.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class SqliteOrderWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 30, 15, TimeSpan.Zero);
    private static readonly RandomOrderCodeGenerator Codes = new();

    private SqliteConnection _connection = null!;
    private SqliteCoffeeShopDbContext _db = null!;

    [SetUp]
    public async Task SetUp()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        await _connection.OpenAsync();
        _db = new SqliteCoffeeShopDbContext(new DbContextOptionsBuilder<SqliteCoffeeShopDbContext>().UseSqlite(_connection).Options);
        await _db.Database.MigrateAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [TestCase(typeof(Order), "Orders")]
    [TestCase(typeof(OrderLine), "OrderLines")]
    [TestCase(typeof(IdempotencyRecord), "IdempotencyRecords")]
    public async Task Insert_NamesEveryColumnOfTheTable_ButTheGeneratedKey(Type entity, string table)
    {
        var insert = TableInsert.For(_db.Model, entity);
        var columns = await ColumnsAsync(table);
        var generated = insert.Generated is null ? [] : new[] { insert.Generated.GetColumnName() };

        Assert.That(insert.Sql, Does.StartWith($"INSERT INTO \"{table}\" ("));
        foreach (var column in columns.Except(generated))
        {
            Assert.That(insert.Sql, Does.Contain($"\"{column}\""), column);
        }
    }

    [Test]
    public async Task WriteAsync_ABatch_ReadsBackAsEfCoreWouldHaveWrittenIt()
    {
        var first = NewOrder("Ann", notes: "oat milk", customerId: null, new OrderLine(3, "Latte", 3.90m, 2), new OrderLine(7, "Mocha", 4.25m, 1));
        var second = NewOrder("Bo", notes: "", customerId: null, new OrderLine(1, "Black", 2.50m, 1));
        var writer = new SqliteOrderWriter(_db.Model);

        await writer.WriteAsync(_db, [(first, null), (second, new IdempotentRequest("customer:1", "key-1", "hash"))]);

        var orders = await _db.Orders.AsNoTracking().Include(o => o.Lines).OrderBy(o => o.Id).ToListAsync();
        var record = await _db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync();
        Assert.That(orders, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Id, Is.GreaterThan(0), "the committed order learns its id");
            Assert.That(orders.Select(o => o.Id), Is.EqualTo(new[] { first.Id, second.Id }));
            Assert.That(orders[0].Code, Is.EqualTo(first.Code));
            Assert.That(orders[0].CustomerName, Is.EqualTo("Ann"));
            Assert.That(orders[0].Notes, Is.EqualTo("oat milk"));
            Assert.That(orders[0].Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(orders[0].CreatedAt, Is.EqualTo(Now));
            Assert.That(orders[0].Version, Is.EqualTo(first.Version));
            Assert.That(orders[0].Total, Is.EqualTo(12.05m));
            Assert.That(orders[0].Lines.OrderBy(l => l.Position).Select(l => (l.MenuItemId, l.Title, l.UnitPrice, l.Quantity)),
                Is.EqualTo(new[] { (3, "Latte", 3.90m, 2), (7, "Mocha", 4.25m, 1) }));
            Assert.That((record.OrderId, record.Scope, record.Key, record.RequestHash), Is.EqualTo((second.Id, "customer:1", "key-1", "hash")));
        }
    }

    [Test]
    public async Task WriteAsync_WhenOneOrderIsRefused_WritesNoneOfTheBatch()
    {
        var first = NewOrder("Ann", "", null, new OrderLine(1, "Black", 2.50m, 1));
        var clash = NewOrder("Bo", "", null, new OrderLine(1, "Black", 2.50m, 1));
        var writer = new SqliteOrderWriter(_db.Model);
        await writer.WriteAsync(_db, [(NewOrder("Cy", "", null, new OrderLine(1, "Black", 2.50m, 1)), new IdempotentRequest("s", "k", "h"))]);

        Assert.ThrowsAsync<SqliteException>(() => writer.WriteAsync(_db, [(first, null), (clash, new IdempotentRequest("s", "k", "other"))]));

        Assert.That(await _db.Orders.CountAsync(), Is.EqualTo(1), "the batch is one transaction");
        Assert.That(first.Id, Is.Zero, "an order that was not committed has no id");
    }

    private static Order NewOrder(string name, string notes, string? customerId, params OrderLine[] lines) =>
        new(Codes.NewCode(), name, notes, customerId, lines, Now);

    private async Task<List<string>> ColumnsAsync(string table)
    {
        var columns = new List<string>();
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        Assert.That(columns, Is.Not.Empty, table);
        return columns;
    }
}
