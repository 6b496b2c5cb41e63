using CoffeeShop.Data;
using CoffeeShop.Data.Providers;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoffeeShop.Tests.Unit.Data.Configurations;

/// <summary>Checks the order model on both providers without a database: building it is enough to validate it.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OrderConfigurationTests
{
    private static IEnumerable<TestCaseData> Providers()
    {
        yield return new TestCaseData(new Func<CoffeeShopDbContext>(() => new SqliteCoffeeShopDbContext(
            new DbContextOptionsBuilder<SqliteCoffeeShopDbContext>().UseSqlite("Data Source=:memory:").Options))).SetArgDisplayNames("Sqlite");
        yield return new TestCaseData(new Func<CoffeeShopDbContext>(() => new SqlServerCoffeeShopDbContext(
            new DbContextOptionsBuilder<SqlServerCoffeeShopDbContext>().UseSqlServer("Server=unused;Database=unused").Options))).SetArgDisplayNames("SqlServer");
    }

    [TestCaseSource(nameof(Providers))]
    public void Model_OrderLines_HaveNoForeignKeyToMenuItems(Func<CoffeeShopDbContext> create)
    {
        using var db = create();
        var lines = OrderLines(db);

        Assert.Multiple(() =>
        {
            Assert.That(lines.GetTableName(), Is.EqualTo("OrderLines"));
            Assert.That(lines.GetForeignKeys().Select(fk => fk.PrincipalEntityType.ClrType), Is.EqualTo(new[] { typeof(Order) }));
            Assert.That(db.Model.FindEntityType(typeof(MenuItem))!.GetReferencingForeignKeys(), Is.Empty);
        });
    }

    [TestCaseSource(nameof(Providers))]
    public void Model_Code_HasAUniqueIndex(Func<CoffeeShopDbContext> create)
    {
        using var db = create();
        var orders = db.Model.FindEntityType(typeof(Order))!;

        var index = orders.GetIndexes().Single(i => i.Properties.Select(p => p.Name).SequenceEqual([nameof(Order.Code)]));

        Assert.That(index.IsUnique, Is.True);
    }

    [TestCaseSource(nameof(Providers))]
    public void Model_Version_IsAConcurrencyToken(Func<CoffeeShopDbContext> create)
    {
        using var db = create();

        Assert.That(db.Model.FindEntityType(typeof(Order))!.FindProperty(nameof(Order.Version))!.IsConcurrencyToken, Is.True);
    }

    [TestCaseSource(nameof(Providers))]
    public void GenerateCreateScript_Always_CreatesBothOrderTables(Func<CoffeeShopDbContext> create)
    {
        using var db = create();

        var script = db.Database.GenerateCreateScript();

        Assert.That(script, Does.Contain("\"Orders\"").Or.Contain("[Orders]"));
        Assert.That(script, Does.Contain("\"OrderLines\"").Or.Contain("[OrderLines]"));
    }

    [Test]
    public void SqlServerModel_Code_ComparesCaseSensitively()
    {
        using var db = new SqlServerCoffeeShopDbContext(
            new DbContextOptionsBuilder<SqlServerCoffeeShopDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        // Collations live only in the design-time model (the one migrations are made from).
        var model = db.GetService<IDesignTimeModel>().Model;
        var code = model.FindEntityType(typeof(Order))!.FindProperty(nameof(Order.Code))!;

        Assert.That(code.GetCollation(), Does.EndWith("_BIN2"));
    }

    private static IEntityType OrderLines(DbContext db) =>
        db.Model.GetEntityTypes().Single(t => t.ClrType == typeof(OrderLine));
}
