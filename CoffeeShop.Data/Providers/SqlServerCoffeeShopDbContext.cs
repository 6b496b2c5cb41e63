using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Providers;

/// <summary>The SQL Server flavour of the model (production); migrations in Migrations/SqlServer.</summary>
public sealed class SqlServerCoffeeShopDbContext(DbContextOptions<SqlServerCoffeeShopDbContext> options)
    : CoffeeShopDbContext(options);
