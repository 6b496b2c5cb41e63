using CoffeeShop.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Providers;

/// <summary>The SQL Server flavour of the model (production); migrations in Migrations/SqlServer.</summary>
public sealed class SqlServerCoffeeShopDbContext(DbContextOptions<SqlServerCoffeeShopDbContext> options)
    : CoffeeShopDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Order codes are base64url, where case carries bits. Under SQL Server's usual case-insensitive
        // collation a code would also match its case variants, leaving well under 128 bits to guess;
        // a binary collation compares them exactly, as SQLite already does.
        builder.Entity<Order>().Property(o => o.Code).UseCollation("Latin1_General_100_BIN2");
    }
}
