using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Unit.Domain.Menu;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OptionGroupTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private static OptionGroupDetails Milk(int min = 1, int max = 1, int maxQuantity = 1, params MenuOption[] options) =>
        new("Milk", min, max, maxQuantity, options.Length > 0 ? options :
        [
            new("whole-milk", "Whole milk", 0m, IsDefault: true),
            new("oat-milk", "Oat milk", 0.50m),
        ]);

    [Test]
    public void Constructor_ValidDetails_KeepsThemAtVersionOne()
    {
        var group = new OptionGroup("milk", Milk() with { Name = "  Milk " }, Now);

        Assert.Multiple(() =>
        {
            Assert.That(group.Code, Is.EqualTo("milk"));
            Assert.That(group.Name, Is.EqualTo("Milk"));
            Assert.That(group.Options.Select(o => o.Code), Is.EqualTo(new[] { "whole-milk", "oat-milk" }));
            Assert.That(group.Version, Is.EqualTo(1));
        });
    }

    [TestCase("Milk")]
    [TestCase("oat milk")]
    [TestCase("-milk")]
    [TestCase("milk-")]
    [TestCase("oat--milk")]
    [TestCase("")]
    [TestCase("a1234567890123456789012345678901234567890")]
    public void Constructor_CodeNotALowercaseSlug_IsRefused(string code)
    {
        var ex = Assert.Throws<DomainValidationException>(() => new OptionGroup(code, Milk(), Now));

        Assert.That(ex!.Key.Label, Is.EqualTo("code"));
    }

    [Test]
    public void Validate_RepeatedOptionCode_NamesTheRepeat()
    {
        var ex = Assert.Throws<DomainValidationException>(() => OptionGroup.Validate(Milk(0, 1, 1,
            new MenuOption("oat-milk", "Oat", 0m), new MenuOption("oat-milk", "Oat again", 0m))));

        Assert.That(ex!.Key.Label, Is.EqualTo("options[1].code"));
    }

    [TestCase(-0.01, "options[0].priceDelta")]
    [TestCase(10.01, "options[0].priceDelta")]
    [TestCase(0.005, "options[0].priceDelta")]
    public void Validate_PriceDeltaOutOfRange_NamesIt(decimal delta, string field)
    {
        var ex = Assert.Throws<DomainValidationException>(() => OptionGroup.Validate(Milk(0, 1, 1, new MenuOption("oat-milk", "Oat", delta))));

        Assert.That(ex!.Key.Label, Is.EqualTo(field));
    }

    [TestCase(0, 0, 1, "maxSelected")]
    [TestCase(0, 3, 1, "maxSelected")]
    [TestCase(2, 1, 1, "minSelected")]
    [TestCase(-1, 1, 1, "minSelected")]
    [TestCase(0, 1, 0, "maxQuantity")]
    [TestCase(0, 1, 11, "maxQuantity")]
    public void Validate_SelectionRulesOutOfRange_NameTheRule(int min, int max, int maxQuantity, string field)
    {
        var ex = Assert.Throws<DomainValidationException>(() => OptionGroup.Validate(Milk(min, max, maxQuantity)));

        Assert.That(ex!.Key.Label, Is.EqualTo(field));
    }

    [Test]
    public void Validate_RequiredGroupWithoutAnAvailableDefault_IsRefused()
    {
        var ex = Assert.Throws<DomainValidationException>(() => OptionGroup.Validate(Milk(1, 1, 1,
            new MenuOption("whole-milk", "Whole", 0m, IsDefault: true, IsAvailable: false), new MenuOption("oat-milk", "Oat", 0.5m))));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key.Label, Is.EqualTo("options"));
            Assert.That(ex.Message, Does.Contain("default"));
        });
    }

    [Test]
    public void Validate_MoreDefaultsThanMaxSelected_IsRefused()
    {
        var ex = Assert.Throws<DomainValidationException>(() => OptionGroup.Validate(Milk(0, 1, 1,
            new MenuOption("a", "A", 0m, IsDefault: true), new MenuOption("b", "B", 0m, IsDefault: true))));

        Assert.That(ex!.Key.Label, Is.EqualTo("options"));
    }

    [TestCase(0)]
    [TestCase(21)]
    public void Validate_OptionCountOutOfRange_IsRefused(int count)
    {
        var options = Enumerable.Range(0, count).Select(i => new MenuOption($"o{i}", $"O{i}", 0m)).ToArray();

        var ex = Assert.Throws<DomainValidationException>(() => OptionGroup.Validate(new OptionGroupDetails("G", 0, 1, 1, options)));

        Assert.That(ex!.Key.Label, Is.EqualTo("options"));
    }

    [Test]
    public void Replace_ValidDetails_ChangesEverythingButTheCodeAndBumpsTheVersion()
    {
        var group = new OptionGroup("milk", Milk(), Now);

        group.Replace(Milk() with { Name = "Milks" }, Now.AddMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That((group.Code, group.Name, group.Version), Is.EqualTo(("milk", "Milks", 2)));
            Assert.That(group.UpdatedAt, Is.EqualTo(Now.AddMinutes(1)));
        });
    }
}
