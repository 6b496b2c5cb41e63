using CoffeeShop.Data.Entities;
using CoffeeShop.Data.Providers;
using CoffeeShop.Data.Writes;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Tests.Integration.Data;

/// <summary>The SQLite order writer's statements, built from the EF model, cover every column the migrations created.</summary>
[Category(TestCategories.Integration)]
public sealed class TableInsertTests
{
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
