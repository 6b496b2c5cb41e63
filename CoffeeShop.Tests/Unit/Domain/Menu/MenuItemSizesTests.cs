using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Unit.Domain.Menu;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MenuItemSizesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private static readonly MenuItemSize[] Cup =
    [
        new("small", "Small", 3.40m),
        new("medium", "Medium", 3.90m, IsDefault: true),
        new("large", "Large", 4.40m),
    ];

    private static MenuItemDetails Details(decimal price = 3.90m, IReadOnlyList<MenuItemSize>? sizes = null, IReadOnlyList<string>? groups = null) =>
        new(MenuCategory.Hot, "Latte", "Milky.", ["Espresso"], null, price, Sizes: sizes, OptionGroupCodes: groups);

    [Test]
    public void Constructor_NoSizes_SellsOneRegularSizeAtThePrice()
    {
        var item = new MenuItem(Details(price: 2.20m), Now);

        Assert.Multiple(() =>
        {
            Assert.That(item.Sizes, Is.EqualTo(new[] { new MenuItemSize("regular", "Regular", 2.20m, true) }));
            Assert.That(item.OptionGroupCodes, Is.Empty);
        });
    }

    [Test]
    public void Constructor_Sizes_PriceIsTheDefaultSizesPrice()
    {
        var item = new MenuItem(Details(sizes: Cup, groups: ["milk"]), Now);

        Assert.Multiple(() =>
        {
            Assert.That(item.Price, Is.EqualTo(3.90m));
            Assert.That(item.DefaultSize.Code, Is.EqualTo("medium"));
            Assert.That(item.FindSize("large")!.Price, Is.EqualTo(4.40m));
            Assert.That(item.OptionGroupCodes, Is.EqualTo(new[] { "milk" }));
        });
    }

    [Test]
    public void Constructor_PriceDisagreesWithTheDefaultSize_NamesThePrice()
    {
        var ex = Assert.Throws<DomainValidationException>(() => new MenuItem(Details(price: 3.50m, sizes: Cup), Now));

        Assert.That(ex!.Key.Label, Is.EqualTo("price"));
    }

    [Test]
    public void Replace_OnlyAPrice_KeepsTheSizesAndMovesTheDefaultSizesPrice()
    {
        var item = new MenuItem(Details(sizes: Cup, groups: ["milk"]), Now);

        item.Replace(Details(price: 4.00m), Now);

        Assert.Multiple(() =>
        {
            Assert.That(item.Sizes.Select(s => (s.Code, s.Price)), Is.EqualTo(new[] { ("small", 3.40m), ("medium", 4.00m), ("large", 4.40m) }));
            Assert.That(item.OptionGroupCodes, Is.EqualTo(new[] { "milk" }), "no group codes given keeps the groups");
        });
    }

    [Test]
    public void Constructor_NoDefaultOrTwoDefaults_IsRefused()
    {
        MenuItemSize[] none = [new("small", "Small", 3m), new("large", "Large", 4m)];
        MenuItemSize[] two = [new("small", "Small", 3m, true), new("large", "Large", 3m, true)];

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<DomainValidationException>(() => new MenuItem(Details(3m, none), Now))!.Key.Label, Is.EqualTo("sizes"));
            Assert.That(Assert.Throws<DomainValidationException>(() => new MenuItem(Details(3m, two), Now))!.Key.Label, Is.EqualTo("sizes"));
        });
    }

    [TestCase(0)]
    [TestCase(6)]
    public void Constructor_SizeCountOutOfRange_IsRefused(int count)
    {
        var sizes = Enumerable.Range(0, count).Select(i => new MenuItemSize($"s{i}", $"S{i}", 3m, i == 0)).ToArray();

        var ex = Assert.Throws<DomainValidationException>(() => new MenuItem(Details(3m, sizes), Now));

        Assert.That(ex!.Key.Label, Is.EqualTo("sizes"));
    }

    [TestCase("Large", 4.40, "sizes[2].code")]
    [TestCase("small", 4.40, "sizes[2].code")]
    [TestCase("large", 100.01, "sizes[2].price")]
    [TestCase("large", 0, "sizes[2].price")]
    public void Constructor_BadSize_NamesItsField(string code, decimal price, string field)
    {
        MenuItemSize[] sizes = [Cup[0], Cup[1], new(code, "Large", price)];

        var ex = Assert.Throws<DomainValidationException>(() => new MenuItem(Details(sizes: sizes), Now));

        Assert.That(ex!.Key.Label, Is.EqualTo(field));
    }

    [Test]
    public void Constructor_RepeatedOrBadGroupCode_NamesIt()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                Assert.Throws<DomainValidationException>(() => new MenuItem(Details(groups: ["milk", "milk"]), Now))!.Key.Label,
                Is.EqualTo("optionGroupCodes[1]"));
            Assert.That(
                Assert.Throws<DomainValidationException>(() => new MenuItem(Details(groups: ["Milk"]), Now))!.Key.Label,
                Is.EqualTo("optionGroupCodes[0]"));
        });
    }
}
