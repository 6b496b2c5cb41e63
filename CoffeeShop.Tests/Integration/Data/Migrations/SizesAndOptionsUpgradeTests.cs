using CoffeeShop.Data.Providers;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoffeeShop.Tests.Integration.Data.Migrations;

/// <summary>
/// A database made by the migration before sizes and options, with a menu item and an order in it, upgraded to the
/// current model: the item sells one regular size at its price, and the order keeps its lines and total.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class SizesAndOptionsUpgradeTests
{
    private const string MigrationBeforeSizes = "20261126105924_Orders";

    private SqliteConnection _connection = null!;
    private SqliteCoffeeShopDbContext _db = null!;

    [SetUp]
    public async Task SetUp()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        await _connection.OpenAsync();
        _db = new SqliteCoffeeShopDbContext(new DbContextOptionsBuilder<SqliteCoffeeShopDbContext>().UseSqlite(_connection).Options);
        await _db.GetService<IMigrator>().MigrateAsync(MigrationBeforeSizes);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Test]
    public async Task Upgrade_KeepsItemsAndOrders_AndGivesEachItemOneRegularSizeAtItsPrice()
    {
        // Rows as the previous model stored them: money in cents, instants in ticks.
        await ExecuteAsync("""
            INSERT INTO "MenuItems" ("Id", "Category", "Title", "Description", "Ingredients", "Image", "Price", "IsAvailable", "CreatedAt", "UpdatedAt", "Version")
            VALUES (1, 'Hot', 'Latte', 'Milky.', '["Espresso","Milk"]', NULL, 390, 1, 0, 0, 3),
                   (2, 'Hot', 'Espresso', 'Short.', '["Espresso"]', NULL, 205, 1, 0, 0, 1);
            INSERT INTO "Orders" ("Id", "Code", "CustomerName", "CustomerId", "Notes", "Status", "CreatedAt", "UpdatedAt", "Version")
            VALUES (1, 'AAAAAAAAAAAAAAAAAAAAAA', 'Ann', NULL, '', 'Preparing', 0, 0, 2);
            INSERT INTO "OrderLines" ("OrderId", "Position", "MenuItemId", "Title", "UnitPrice", "Quantity")
            VALUES (1, 1, 1, 'Latte', 350, 2), (1, 2, 2, 'Espresso', 205, 1);
            """);

        await _db.Database.MigrateAsync();
        var items = await _db.MenuItems.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        var order = await _db.Orders.AsNoTracking().SingleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await _db.Database.GetPendingMigrationsAsync(), Is.Empty);
            Assert.That(items.Select(i => (i.Title, i.Price, i.Version)), Is.EqualTo(new[] { ("Latte", 3.90m, 3), ("Espresso", 2.05m, 1) }));
            Assert.That(items[0].Sizes, Is.EqualTo(new[] { MenuItemSize.Regular(3.90m) }));
            Assert.That(items[1].Sizes, Is.EqualTo(new[] { MenuItemSize.Regular(2.05m) }));
            Assert.That(items.SelectMany(i => i.OptionGroupCodes), Is.Empty);
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Preparing));
            Assert.That(order.Total, Is.EqualTo(9.05m));
            Assert.That(order.Lines.Select(l => (l.Title, l.SizeCode, l.SizeName, l.UnitPrice, l.Quantity, l.Options.Count)), Is.EqualTo(new[]
            {
                ("Latte", "regular", "Regular", 3.50m, 2, 0),
                ("Espresso", "regular", "Regular", 2.05m, 1, 0),
            }));
        }
    }

    [Test]
    public async Task Upgrade_UpgradedItem_CanBeChangedAndSavedWithSizes()
    {
        await ExecuteAsync("""
            INSERT INTO "MenuItems" ("Id", "Category", "Title", "Description", "Ingredients", "Image", "Price", "IsAvailable", "CreatedAt", "UpdatedAt", "Version")
            VALUES (1, 'Hot', 'Latte', 'Milky.', '["Espresso"]', NULL, 390, 1, 0, 0, 1);
            """);
        await _db.Database.MigrateAsync();

        var item = await _db.MenuItems.SingleAsync();
        item.Replace(item.Details with { Sizes = [new("small", "Small", 3.40m), new("medium", "Medium", 3.90m, true)] }, DateTimeOffset.UnixEpoch);
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        var read = await _db.MenuItems.AsNoTracking().SingleAsync();
        Assert.That(read.Sizes.Select(s => s.Code), Is.EqualTo(new[] { "small", "medium" }));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
