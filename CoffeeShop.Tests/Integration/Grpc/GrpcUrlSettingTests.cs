using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Grpc;

/// <summary>A <c>Grpc:Url</c> the app cannot serve stops it at start-up with a sentence saying what to set, not at the first call.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GrpcUrlSettingTests
{
    [TestCase("http://localhost:5080", "port of its own")] // appsettings' Urls: the site's own port
    [TestCase("http://localhost:0", "with a port")]
    [TestCase("localhost:5081", "with a port")]
    public void Start_WithAGrpcUrlItCannotServe_FailsWithAClearMessage(string grpcUrl, string expected)
    {
        using var factory = new CoffeeShopWebFactory(new Dictionary<string, string?> { ["Grpc:Url"] = grpcUrl });

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(Messages(failure), Has.Some.Contains("Grpc:Url").And.Some.Contains(expected));
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
