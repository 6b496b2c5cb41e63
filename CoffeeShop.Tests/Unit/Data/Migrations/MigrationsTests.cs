using CoffeeShop.Data.Providers;
using CoffeeShop.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Unit.Data.Migrations;

/// <summary>Each provider's migrations match the model, and the two providers stay in step. No server is contacted.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MigrationsTests
{
    [Test]
    public void SqliteContext_Model_HasNoPendingChanges()
    {
        using var context = CreateSqlite();

        Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run eng/add-migration.sh <Name>");
    }

    [Test]
    public void SqlServerContext_Model_HasNoPendingChanges()
    {
        using var context = CreateSqlServer();

        Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run eng/add-migration.sh <Name>");
    }

    [Test]
    public void BothProviders_Migrations_HaveTheSameNamesInTheSameOrder()
    {
        using var sqlite = CreateSqlite();
        using var sqlServer = CreateSqlServer();

        var sqliteNames = sqlite.Database.GetMigrations().Select(MigrationName).ToList();
        var sqlServerNames = sqlServer.Database.GetMigrations().Select(MigrationName).ToList();

        Assert.That(sqliteNames, Is.Not.Empty);
        Assert.That(sqlServerNames, Has.Count.EqualTo(sqliteNames.Count));
        Assert.That(sqlServerNames, Is.EqualTo(sqliteNames));
    }

    [Test]
    public void SqliteContext_Migrations_CreateTheSchemaOnAnEmptyDatabase()
    {
        using var context = CreateSqlite();
        context.Database.OpenConnection();

        context.Database.Migrate();

        Assert.That(context.Database.GetPendingMigrations(), Is.Empty);
        Assert.That(context.MenuItems.Count(), Is.Zero);
    }

    private static SqliteCoffeeShopDbContext CreateSqlite() =>
        new(new DbContextOptionsBuilder<SqliteCoffeeShopDbContext>().UseSqlite("Data Source=:memory:").Options);

    private static SqlServerCoffeeShopDbContext CreateSqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerCoffeeShopDbContext>()
            .UseSqlServer("Server=none;Database=x;Trusted_Connection=True")
            .Options);

    /// <summary>"20261126103358_Initial" → "Initial": the timestamps differ between providers, the names must not.</summary>
    private static string MigrationName(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
