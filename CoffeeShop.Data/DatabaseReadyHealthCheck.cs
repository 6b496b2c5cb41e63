using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoffeeShop.Data;

/// <summary>Ready when the database answers and has every migration applied.</summary>
public sealed class DatabaseReadyHealthCheck(CoffeeShopDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy("The database is reachable and migrated.")
            : HealthCheckResult.Unhealthy($"The database has {pending} pending migration(s).");
    }
}
