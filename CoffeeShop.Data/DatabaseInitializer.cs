using CoffeeShop.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Data;

/// <summary>Brings the database to the current migration and seeds the menu, at start-up.</summary>
public sealed class DatabaseInitializer(
    CoffeeShopDbContext db,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider})", db.Database.ProviderName);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the one writer; it is a property of the file, so setting it once sticks.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (options.Value.SeedMenu)
        {
            await MenuSeeder.SeedAsync(db, clock, cancellationToken);
        }
    }
}
