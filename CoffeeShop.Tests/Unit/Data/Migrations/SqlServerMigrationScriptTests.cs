using CoffeeShop.Data.Providers;
using CoffeeShop.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoffeeShop.Tests.Unit.Data.Migrations;

/// <summary>The SQL Server deployment script is generated without a server and creates every table of the model.</summary>
[Category(TestCategories.Unit)]
public sealed class SqlServerMigrationScriptTests
{
    [Test]
    public void IdempotentScript_CreatesEveryTableOfTheModel()
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var tables = context.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.That(tables, Has.Count.GreaterThanOrEqualTo(10));
        Assert.Multiple(() =>
        {
            foreach (var table in tables)
            {
                Assert.That(script, Does.Contain($"CREATE TABLE [{table}]"), table);
            }

            Assert.That(script, Does.Contain("IF NOT EXISTS"), "the script must be safe to run twice");
        });
    }
}
