using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoffeeShop.Data.Providers;

/// <summary>The SQLite flavour of the model (the embedded default); migrations in Migrations/Sqlite.</summary>
public sealed class SqliteCoffeeShopDbContext(DbContextOptions<SqliteCoffeeShopDbContext> options)
    : CoffeeShopDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no decimal or date-with-offset type it can compare, so sorting by price or time
        // would fail: store money as whole cents and instants as UTC ticks instead. Adding 0.00m gives
        // amounts read back two decimals (3.90, not 3.9).
        configurationBuilder.Properties<decimal>().HaveConversion<DecimalToCentsConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    private sealed class DecimalToCentsConverter()
        : ValueConverter<decimal, long>(v => (long)decimal.Round(v * 100m), v => (v / 100m) + 0.00m);
}
