using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.Unit.Domain.Orders;
using CoffeeShop.Web.Live;
using CoffeeShop.Web.Shop;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Tests.Unit.Web.Live;

/// <summary>Who hears what: this instance's changes go to every listener; another instance's to all but the relay.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OrderEventBrokerTests
{
    private OrderEventBroker _broker = null!;

    [SetUp]
    public void CreateBroker() => _broker = new OrderEventBroker(
        Mappers.Create(), new PriceFormatter(Options.Create(new ShopOptions())), NullLogger<OrderEventBroker>.Instance);

    [Test]
    public void ALocalChange_ReachesEveryListener_TheRelayIncluded()
    {
        using var all = _broker.SubscribeAll();
        using var local = _broker.SubscribeLocal();
        var order = OrderTestData.Order();

        _broker.Publish(new OrderChange(OrderChangeKind.Placed, order));

        Assert.Multiple(() =>
        {
            Assert.That(all.Events.TryRead(out var heard) && heard.Kind == OrderChangeKind.Placed, Is.True);
            Assert.That(local.Events.TryRead(out _), Is.True, "the relay passes it on to the other instances");
        });
    }

    [Test]
    public void ARemoteChange_ReachesTheListenersHere_ButNotTheRelay()
    {
        var order = OrderTestData.Order();
        using var all = _broker.SubscribeAll();
        _broker.Publish(new OrderChange(OrderChangeKind.Placed, order));
        Assert.That(all.Events.TryRead(out var placed), Is.True);
        using var one = _broker.Subscribe(placed!.OrderId);
        using var local = _broker.SubscribeLocal();

        _broker.PublishRemote(placed with { Kind = OrderChangeKind.StatusChanged, Version = placed.Version + 1, Status = OrderStatus.Preparing });
        _broker.PublishRemote(placed with { Kind = OrderChangeKind.StatusChanged });

        Assert.Multiple(() =>
        {
            Assert.That(all.Events.TryRead(out var heard) && heard.Status == OrderStatus.Preparing, Is.True, "the hub's dispatcher hears it");
            Assert.That(one.Events.TryRead(out _), Is.True, "a stream of that order hears it");
            Assert.That(local.Events.TryRead(out _), Is.False, "the relay does not send it back out");
            Assert.That(all.Events.TryRead(out _), Is.False, "a stale version (relayed late) is dropped");
        });
    }
}
