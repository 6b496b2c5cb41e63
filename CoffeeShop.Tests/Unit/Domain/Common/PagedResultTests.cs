using CoffeeShop.Domain.Common;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Unit.Domain.Common;

[Category(TestCategories.Unit)]
public sealed class PagedResultTests
{
    [TestCase(0, 20, 1)]
    [TestCase(1, 20, 1)]
    [TestCase(20, 20, 1)]
    [TestCase(21, 20, 2)]
    [TestCase(int.MaxValue, 100, 21474837)]
    public void TotalPages_IsTheCountOverThePageRoundedUp_AndAtLeastOne(int total, int pageSize, int expected) =>
        Assert.That(new PagedResult<int>([], 1, pageSize, total).TotalPages, Is.EqualTo(expected));

    [TestCase(1, 20, 0)]
    [TestCase(3, 20, 40)]
    [TestCase(0, 20, 0)]
    public void Skip_IsTheItemsBeforeThePage(int page, int pageSize, int expected) =>
        Assert.That(PagedResult.Skip(page, pageSize), Is.EqualTo(expected));
}
