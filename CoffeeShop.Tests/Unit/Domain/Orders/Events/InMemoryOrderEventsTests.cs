using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Domain.Orders.Events;
using CoffeeShop.Tests.TestSupport;
using Moq;
using static CoffeeShop.Tests.Unit.Domain.Orders.OrderTestData;

namespace CoffeeShop.Tests.Unit.Domain.Orders.Events;

/// <summary>The in-process order events: a subscriber hears its order's changes, only those, and none once disposed; the ordering service publishes after saving.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class InMemoryOrderEventsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private InMemoryOrderEvents _events = null!;

    [SetUp]
    public void SetUp() => _events = new InMemoryOrderEvents();

    [Test]
    public async Task Publish_ReachesEverySubscriberOfThatOrder_InOrder_AndNoOther()
    {
        using var first = _events.Subscribe(7);
        using var second = _events.Subscribe(7);
        using var other = _events.Subscribe(8);

        _events.Publish(new OrderChanged(7, OrderStatus.Preparing, 2));
        _events.Publish(new OrderChanged(7, OrderStatus.Ready, 3));
        using var timeout = new CancellationTokenSource(Patience);

        Assert.That(await ReadAsync(first, 2, timeout.Token), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(await ReadAsync(second, 2, timeout.Token), Is.EqualTo(new[] { 2, 3 }));
        using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.That(await ReadAsync(other, 1, quick.Token), Is.Empty);
    }

    [Test]
    public async Task Dispose_EndsTheSubscription_AndLaterChangesGoNowhere()
    {
        var subscription = _events.Subscribe(7);
        subscription.Dispose();

        _events.Publish(new OrderChanged(7, OrderStatus.Cancelled, 2));

        using var timeout = new CancellationTokenSource(Patience);
        Assert.That(await ReadAsync(subscription, 1, timeout.Token), Is.Empty, "the stream completes at once");
    }

    [Test]
    public async Task OrderingService_PublishesEachSavedMove_AfterTheSave()
    {
        var order = OrderIn(OrderStatus.Pending);
        var orders = new Mock<IOrderRepository>();
        orders.Setup(r => r.FindAsync(order.Id, It.IsAny<CancellationToken>())).ReturnsAsync(order);
        var publisher = new Mock<IOrderEventPublisher>();
        var sequence = new MockSequence();
        orders.InSequence(sequence).Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        publisher.InSequence(sequence).Setup(p => p.Publish(new OrderChanged(order.Id, OrderStatus.Preparing, 2)));
        var service = new OrderingService(orders.Object, Mock.Of<IMenuItemRepository>(), Mock.Of<IOrderCodeGenerator>(), TimeProvider.System, publisher.Object);

        await service.MoveAsync(order.Id, OrderStatus.Preparing, CancellationToken.None);

        publisher.Verify(p => p.Publish(new OrderChanged(order.Id, OrderStatus.Preparing, 2)), Times.Once);
    }

    /// <summary>Up to <paramref name="count"/> versions, stopping early when the stream ends or the token fires.</summary>
    private static async Task<List<int>> ReadAsync(IOrderSubscription subscription, int count, CancellationToken cancellationToken)
    {
        var versions = new List<int>();
        try
        {
            await foreach (var change in subscription.ReadAllAsync(cancellationToken))
            {
                versions.Add(change.Version);
                if (versions.Count == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Nothing (more) arrived in time.
        }

        return versions;
    }
}
