using Microsoft.Data.Sqlite;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>A SQLite file of its own for tests that run the app as separate processes; deleted with its WAL files.</summary>
public sealed class ScratchDatabase : IDisposable
{
    public ScratchDatabase(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coffeeshop-tests", $"{name}-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
    }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
