using CoffeeShop.Domain.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Repositories;

internal static class DbContextSaveExtensions
{
    /// <summary>Saves, turning the provider's concurrency and unique-key failures into domain exceptions.</summary>
    public static async Task SaveChangesTranslatingAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Forget the refused changes, so a read in the same unit of work sees the row as it now is.
            foreach (var entry in ex.Entries)
            {
                entry.State = EntityState.Detached;
            }

            throw new ConcurrencyException("The record was changed or removed by someone else; read it again and retry.", ex);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex.InnerException))
        {
            throw Conflict(ex);
        }
    }

    public static ConflictException Conflict(Exception cause) => new("A record with the same unique value already exists.", cause);

    /// <summary>True when the provider's exception says a unique index or key refused the row.</summary>
    public static bool IsUniqueViolation(Exception? providerException) => providerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        // Duplicate key row in a unique index (2601) or a unique constraint (2627).
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
