using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using static CoffeeShop.Tests.Unit.Domain.Orders.DrinkTestData;

namespace CoffeeShop.Tests.Unit.Domain.Orders;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OrderLineComposerTests
{
    private readonly OptionCatalog _catalog = Catalog();

    [Test]
    public void Compose_LargeOatLatteWithTwoShotsAndVanilla_PricesSizePlusEachDeltaTimesQuantity()
    {
        var line = Compose(LineRequest(2, quantity: 2, size: "large", ("vanilla-syrup", 1), ("extra-shot", 2), ("oat-milk", 1)));

        Assert.Multiple(() =>
        {
            // 4.40 + 0.50 (oat) + 2 × 0.70 (shots) + 0.50 (vanilla)
            Assert.That(line.UnitPrice, Is.EqualTo(6.80m));
            Assert.That(line.Subtotal, Is.EqualTo(13.60m));
            Assert.That((line.SizeCode, line.SizeName), Is.EqualTo(("large", "Large")));
            Assert.That(line.SizePrice, Is.EqualTo(4.40m));
            Assert.That(line.Options.Select(o => (o.Code, o.Name, o.Quantity, o.PriceDelta)), Is.EqualTo(new[]
            {
                ("oat-milk", "Oat milk", 1, 0.50m),
                ("extra-shot", "Extra shot", 2, 0.70m),
                ("vanilla-syrup", "Vanilla syrup", 1, 0.50m),
            }), "options in the item's group order, whatever the request's order");
        });
    }

    [Test]
    public void Compose_NoSizeNoOptions_TakesTheDefaultSizeAndTheDefaultsOfRequiredGroups()
    {
        var line = Compose(LineRequest(2));

        Assert.Multiple(() =>
        {
            Assert.That(line.SizeCode, Is.EqualTo("medium"));
            Assert.That(line.Options.Select(o => o.Code), Is.EqualTo(new[] { "whole-milk" }), "milk needs one; shots and syrups need none");
            Assert.That(line.UnitPrice, Is.EqualTo(3.90m));
        });
    }

    [Test]
    public void Compose_ItemWithoutRequiredGroups_HasNoOptions()
    {
        var line = Compose(LineRequest(1, size: "small"), Black());

        Assert.Multiple(() =>
        {
            Assert.That(line.Options, Is.Empty);
            Assert.That(line.UnitPrice, Is.EqualTo(2.10m));
        });
    }

    [Test]
    public void Compose_UnknownSize_NamesTheLinesSize()
    {
        var ex = Refused(LineRequest(2, size: "venti"));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[3].size"));
            Assert.That(ex.Message, Does.Contain("venti").And.Contain("small, medium, large"));
        });
    }

    [Test]
    public void Compose_UnknownOption_NamesTheOptionsCode()
    {
        var ex = Refused(LineRequest(2, options: [("oat-milk", 1), ("unicorn-dust", 1)]));

        Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[1].code"));
    }

    [Test]
    public void Compose_OptionOfAGroupTheItemDoesNotOffer_NamesTheOptionsCode()
    {
        var ex = Refused(LineRequest(1, options: ("oat-milk", 1)), Black());

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[0].code"));
            Assert.That(ex.Message, Does.Contain("Black does not offer Milk"));
        });
    }

    [Test]
    public void Compose_UnavailableOption_NamesTheOptionsCode()
    {
        var ex = Refused(LineRequest(2, options: ("soy-milk", 1)));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[0].code"));
            Assert.That(ex.Message, Does.Contain("not available"));
        });
    }

    [Test]
    public void Compose_TwoMilks_TooManyInAGroupOfOne_NamesTheOptionBeyondTheLimit()
    {
        var ex = Refused(LineRequest(2, options: [("whole-milk", 1), ("extra-shot", 1), ("oat-milk", 1)]));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[2].code"));
            Assert.That(ex.Message, Does.Contain("Milk: choose one option only"));
        });
    }

    [Test]
    public void Compose_ThreeSyrupsWhereTwoAreAllowed_NamesTheThird()
    {
        var ex = Refused(LineRequest(2, options: [("vanilla-syrup", 1), ("caramel-syrup", 1), ("hazelnut-syrup", 1)]));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[2].code"));
            Assert.That(ex.Message, Does.Contain("at most 2"));
        });
    }

    [TestCase(4)]
    [TestCase(0)]
    [TestCase(-1)]
    public void Compose_QuantityOutsideOneToMaxQuantity_NamesTheOptionsQuantity(int quantity)
    {
        var ex = Refused(LineRequest(2, options: ("extra-shot", quantity)));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[0].quantity"));
            Assert.That(ex.Message, Does.Contain("1 to 3 times"));
        });
    }

    [Test]
    public void Compose_RepeatingAnOptionThatMayNotRepeat_NamesTheQuantity()
    {
        var ex = Refused(LineRequest(2, options: ("oat-milk", 2)));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[0].quantity"));
            Assert.That(ex.Message, Does.Contain("once"));
        });
    }

    [Test]
    public void Compose_SameOptionListedTwice_NamesTheSecond()
    {
        var ex = Refused(LineRequest(2, options: [("extra-shot", 1), ("extra-shot", 1)]));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[1].code"));
            Assert.That(ex.Message, Does.Contain("lines[3].options[0]"));
        });
    }

    [Test]
    public void Compose_NullOption_NamesIt()
    {
        var ex = Refused(new OrderLineRequest(2, 1, null, [null!]));

        Assert.That(ex.Key.Label, Is.EqualTo("lines[3].options[0]"));
    }

    [Test]
    public void Compose_FewerThanTheGroupsMinimum_NamesTheLinesOptions()
    {
        var catalog = new OptionCatalog([new OptionGroup("pair", new OptionGroupDetails("Pair", 2, 2, 1,
        [
            new("left", "Left", 0m, IsDefault: true),
            new("right", "Right", 0m, IsDefault: true),
        ]), OrderTestData.PlacedAt)]);
        var item = Item(5, "Twin", [new("regular", "Regular", 3m, IsDefault: true)], ["pair"]);

        var ex = Assert.Throws<DomainValidationException>(() => OrderLineComposer.Compose(0, LineRequest(5, options: ("left", 1)), item, catalog));
        var defaults = OrderLineComposer.Compose(0, LineRequest(5), item, catalog);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Key.Label, Is.EqualTo("lines[0].options"));
            Assert.That(ex.Message, Does.Contain("at least 2"));
            Assert.That(defaults.Options.Select(o => o.Code), Is.EqualTo(new[] { "left", "right" }));
        });
    }

    [Test]
    public void Compose_GroupDeletedSinceTheItemListedIt_IsSkipped()
    {
        var line = OrderLineComposer.Compose(0, LineRequest(2), Latte(), new OptionCatalog([Shots()]));

        Assert.That(line.Options, Is.Empty, "no milk group any more, so no milk default");
    }

    [Test]
    public void Snapshot_MenuAndOptionPricesChangeOrTheOptionIsRemovedAfterwards_LineKeepsWhatWasOrdered()
    {
        var latte = Latte();
        var milk = Milk();
        var catalog = new OptionCatalog([milk, Shots(), Syrups()]);
        var line = OrderLineComposer.Compose(0, LineRequest(2, size: "large", options: ("oat-milk", 1)), latte, catalog);
        var order = new Order(OrderTestData.Code, "Ann", null, null, [line], OrderTestData.PlacedAt);

        latte.Replace(latte.Details with { Price = 5.00m, Sizes = [new("large", "Huge", 5.00m, IsDefault: true)] }, OrderTestData.PlacedAt);
        milk.Replace(milk.Details with { Options = [new("whole-milk", "Whole milk", 0m, IsDefault: true)] }, OrderTestData.PlacedAt);

        Assert.Multiple(() =>
        {
            Assert.That(order.Lines[0].SizeName, Is.EqualTo("Large"));
            Assert.That(order.Lines[0].Options.Single(), Is.EqualTo(new OrderLineOption("oat-milk", "Oat milk", 1, 0.50m)));
            Assert.That(order.Total, Is.EqualTo(4.90m));
            Assert.That(milk.FindOption("oat-milk"), Is.Null, "the option is gone from the menu");
        });
    }

    private OrderLine Compose(OrderLineRequest request, CoffeeShop.Domain.Menu.MenuItem? item = null) =>
        OrderLineComposer.Compose(3, request, item ?? Latte(), _catalog);

    private DomainValidationException Refused(OrderLineRequest request, CoffeeShop.Domain.Menu.MenuItem? item = null) =>
        Assert.Throws<DomainValidationException>(() => Compose(request, item))!;
}
