using System.Buffers.Text;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Unit.Domain.Orders;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class RandomOrderCodeGeneratorTests
{
    private const int Count = 1000;
    private List<string> _codes = null!;

    [SetUp]
    public void SetUp()
    {
        var generator = new RandomOrderCodeGenerator();
        _codes = Enumerable.Range(0, Count).Select(_ => generator.NewCode()).ToList();
    }

    [Test]
    public void NewCode_ThousandCodes_AreAllDifferent() =>
        Assert.That(_codes.Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(Count));

    [Test]
    public void NewCode_ThousandCodes_AreUrlSafeWithoutPadding() =>
        Assert.That(_codes, Has.All.Match("^[A-Za-z0-9_-]{22,}$"));

    [Test]
    public void NewCode_ThousandCodes_DecodeToAtLeastSixteenBytes() =>
        Assert.That(_codes.Select(c => Base64Url.DecodeFromChars(c).Length), Has.All.GreaterThanOrEqualTo(16));

    [Test]
    public void NewCode_ThousandCodes_FitTheCodeColumn() =>
        Assert.That(_codes, Has.All.Length.LessThanOrEqualTo(OrderLimits.CodeMaxLength));
}
