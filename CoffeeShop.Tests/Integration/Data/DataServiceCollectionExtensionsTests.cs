using CoffeeShop.Data;
using CoffeeShop.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Data;

[TestFixture]
[Category(TestCategories.Integration)]
public sealed class DataServiceCollectionExtensionsTests
{
    [Test]
    public async Task AddCoffeeShopData_SqliteConnectionStringFromConfiguration_MigratesAndSeedsThatFile()
    {
        await using var factory = new CoffeeShopWebFactory();
        using var client = factory.CreateClient();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.Exists(factory.DatabasePath), Is.True, "the configured file was created");
            Assert.That(await CountMenuItemsAsync(factory.DatabasePath), Is.GreaterThan(0), "and seeded");
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoffeeShopDbContext>();
        Assert.That(db.Database.GetDbConnection().DataSource, Is.EqualTo(factory.DatabasePath));
    }

    [Test]
    public async Task DisposingTheFactory_AfterStart_DeletesItsDatabaseFile()
    {
        var factory = new CoffeeShopWebFactory();
        factory.CreateClient().Dispose();
        Assert.That(File.Exists(factory.DatabasePath), Is.True);

        await factory.DisposeAsync();

        Assert.That(File.Exists(factory.DatabasePath), Is.False);
    }

    [Test]
    public async Task AddCoffeeShopData_SeedMenuOff_LeavesTheMenuEmpty()
    {
        await using var factory = new CoffeeShopWebFactory(new Dictionary<string, string?> { ["Database:SeedMenu"] = "false" });
        using var client = factory.CreateClient();

        Assert.That(await CountMenuItemsAsync(factory.DatabasePath), Is.Zero);
    }

    private static async Task<long> CountMenuItemsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM MenuItems";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
