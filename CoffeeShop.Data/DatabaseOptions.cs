namespace CoffeeShop.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (turn off where a deployment step migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Commit orders placed at the same moment together, in one transaction (see OrderCommitQueue).</summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>
    /// On SQLite, insert new orders with prepared statements (SqliteOrderWriter) instead of EF Core's change tracker
    /// (EfCoreOrderWriter), which costs about three times the CPU. SQL Server always uses EF Core.
    /// </summary>
    public bool BatchOrderWriter { get; set; } = true;

    /// <summary>Fill an empty menu with the seeded drinks at start-up.</summary>
    public bool SeedMenu { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
