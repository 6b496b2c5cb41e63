namespace CoffeeShop.Tests.TestSupport;

/// <summary>The three tiers of the suite; run one with <c>dotnet test --filter TestCategory=Unit</c>.</summary>
public static class TestCategories
{
    public const string Unit = "Unit";
    public const string Integration = "Integration";
    public const string Browser = "Browser";
}
