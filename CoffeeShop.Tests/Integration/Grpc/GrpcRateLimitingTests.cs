using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Grpc.V1;
using CoffeeShop.Web.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace CoffeeShop.Tests.Integration.Grpc;

/// <summary>gRPC calls count against the same per-caller limits as the JSON API, and a refusal is RESOURCE_EXHAUSTED.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class GrpcRateLimitingTests : IntegrationTestBase
{
    private const int Limit = 3;

    private GrpcChannel _channel = null!;

    [OneTimeSetUp]
    public void OpenChannel() => _channel = GrpcCalls.Channel(Factory);

    [OneTimeTearDown]
    public void DisposeChannel() => _channel.Dispose();

    [Test]
    public async Task Calls_OverTheCallersLimit_AreResourceExhausted_WhileAnotherCallerGoesOn()
    {
        var orders = new Orders.OrdersClient(_channel);
        var (ann, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Customer);
        var (bob, _) = await GrpcCalls.UserAsync(Factory, AppRoles.Customer);
        for (var i = 0; i < Limit; i++)
        {
            await orders.ListOrdersAsync(new ListOrdersRequest(), ann);
        }

        var refused = await GrpcCalls.FailsWithAsync(StatusCode.ResourceExhausted, () => orders.ListOrdersAsync(new ListOrdersRequest(), ann).ResponseAsync);
        var others = await orders.ListOrdersAsync(new ListOrdersRequest(), bob);

        Assert.That(refused.Trailers.GetValue("retry-after"), Is.Not.Null.And.Not.EqualTo("0"));
        Assert.That(others.Orders, Is.Empty);
    }

    protected override CoffeeShopWebFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Authenticated:PermitLimit"] = $"{Limit}",
        ["RateLimiting:Authenticated:WindowSeconds"] = "3600",
        ["RateLimiting:Anonymous:PermitLimit"] = "1000",
    });
}
