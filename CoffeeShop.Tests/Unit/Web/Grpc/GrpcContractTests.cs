using System.Text.Json;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.Contracts.Orders;
using Google.Protobuf.Reflection;
using V1 = CoffeeShop.Web.Grpc.V1;

namespace CoffeeShop.Tests.Unit.Web.Grpc;

/// <summary>
/// The .proto and the JSON API name things alike: each JSON field has a proto field whose JSON name (lowerCamel of
/// snake_case) is the same, and the order status enum is the JSON API's status names with the ORDER_STATUS_ prefix.
/// </summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class GrpcContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private static EnumDescriptor StatusEnum => V1.CoffeeshopReflection.Descriptor.EnumTypes.Single(e => e.FullName == "coffeeshop.v1.OrderStatus");

    public static IEnumerable<TestCaseData> Pairs()
    {
        // The JSON "currency" travels inside each google.type.Money (currency_code) in gRPC.
        yield return new TestCaseData(typeof(OrderResponse), V1.Order.Descriptor, new[] { "currency" }).SetArgDisplayNames("Order");
        yield return new TestCaseData(typeof(OrderLineResponse), V1.OrderLine.Descriptor, Array.Empty<string>()).SetArgDisplayNames("OrderLine");
        yield return new TestCaseData(typeof(MenuItemResponse), V1.MenuItem.Descriptor, Array.Empty<string>()).SetArgDisplayNames("MenuItem");
        yield return new TestCaseData(typeof(CreateOrderRequest), V1.PlaceOrderRequest.Descriptor, Array.Empty<string>()).SetArgDisplayNames("PlaceOrderRequest");
        yield return new TestCaseData(typeof(CreateOrderLineRequest), V1.OrderLineRequest.Descriptor, Array.Empty<string>()).SetArgDisplayNames("OrderLineRequest");
    }

    [TestCaseSource(nameof(Pairs))]
    public void JsonContract_EveryField_HasAProtoFieldOfTheSameName(Type json, MessageDescriptor proto, string[] carriedElsewhere)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(proto);
        var jsonNames = json.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Except(carriedElsewhere);

        Assert.That(proto.Fields.InDeclarationOrder().Select(f => f.JsonName), Is.SupersetOf(jsonNames));
    }

    [Test]
    public void OrderResponseAndOrderMessage_HaveTheSameFields_ButCurrency()
    {
        var jsonNames = typeof(OrderResponse).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Except(["currency"]);

        Assert.That(V1.Order.Descriptor.Fields.InDeclarationOrder().Select(f => f.JsonName), Is.EquivalentTo(jsonNames));
    }

    [Test]
    public void OrderStatusEnum_IsTheJsonApisStatusNames_WithThePrefix_AndTheDomainsNumbers()
    {
        var mapper = Mappers.Create();
        var jsonStatuses = Enum.GetValues<OrderStatus>().Select(s => (mapper.Map<OrderResponse>(OrderIn(s)).Status, Number: (int)s));

        var protoStatuses = StatusEnum.Values.Where(v => v.Number != 0).Select(v => (v.Name, v.Number));

        Assert.That(protoStatuses, Is.EquivalentTo(jsonStatuses.Select(s => ("ORDER_STATUS_" + s.Status.ToUpperInvariant(), s.Number))));
        Assert.That(StatusEnum.FindValueByNumber(0).Name, Is.EqualTo("ORDER_STATUS_UNSPECIFIED"));
    }

    /// <summary>An order in <paramref name="status"/>, reached by the moves the domain allows.</summary>
    private static Order OrderIn(OrderStatus status)
    {
        var order = new Order("code", "Ann", null, null, [new OrderLine(1, "Latte", 3.50m, 1)], Now);
        OrderStatus[] path = status switch
        {
            OrderStatus.Pending => [],
            OrderStatus.Cancelled => [OrderStatus.Cancelled],
            _ => [.. new[] { OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed }.TakeWhile(s => s <= status)],
        };
        foreach (var next in path)
        {
            order.MoveTo(next, OrderActor.Staff, Now);
        }

        return order;
    }
}
