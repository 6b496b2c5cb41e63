using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Unit.Domain.Orders;

[Category(TestCategories.Unit)]
public sealed class OrderStatusesTests
{
    [TestCase("Preparing", OrderStatus.Preparing)]
    [TestCase("preparing", OrderStatus.Preparing)]
    [TestCase("READY", OrderStatus.Ready)]
    public void TryParse_ANameInAnyCase_IsThatStatus(string text, OrderStatus expected)
    {
        Assert.That(OrderStatuses.TryParse(text, out var status), Is.True);
        Assert.That(status, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("2")]
    [TestCase("Pending,Ready")]
    [TestCase("Done")]
    public void TryParse_AnythingElse_IsRefused(string? text) =>
        Assert.That(OrderStatuses.TryParse(text, out _), Is.False);
}
