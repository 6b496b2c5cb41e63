namespace CoffeeShop.Tests.TestSupport;

/// <summary>Files of the repository the tests were built from (docs, eng/), found from the test binaries upwards.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoffeeShop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CoffeeShop.sln not found above the test binaries.");
    });

    /// <summary>The full path of a file given relative to the repository root, with forward slashes.</summary>
    public static string PathOf(string relative) => Path.Combine([Root.Value, .. relative.Split('/')]);

    public static string ReadAllText(string relative) => File.ReadAllText(PathOf(relative));
}
