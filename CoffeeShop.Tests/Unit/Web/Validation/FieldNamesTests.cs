using CoffeeShop.Domain.Common;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Models.Admin;
using CoffeeShop.Web.Models.Orders;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Tests.Unit.Web.Validation;

[Category(TestCategories.Unit)]
public sealed class FieldNamesTests
{
    [TestCase("Lines", 1, "Quantity", "lines[1].quantity")]
    [TestCase("Lines", 0, "MenuItemId", "lines[0].menuItemId")]
    public void ToJson_SpellsEachMemberAsTheJsonBodiesDo(string list, int index, string member, string expected) =>
        Assert.That(FieldNames.ToJson(FieldKey.Of(list).At(index).Then(member)), Is.EqualTo(expected));

    [Test]
    public void ToJson_NoKey_IsEmpty() => Assert.That(FieldNames.ToJson(FieldKey.None), Is.Empty);

    [Test]
    public void ToForm_AMemberTheFormHas_IsItsProperty()
    {
        Assert.That(FieldNames.ToForm<MenuItemFormViewModel>(FieldKey.Of("Price")), Is.EqualTo(nameof(MenuItemFormViewModel.Price)));
        Assert.That(FieldNames.ToForm<OrderFormViewModel>(FieldKey.Of("Notes")), Is.EqualTo(nameof(OrderFormViewModel.Notes)));
    }

    [Test]
    public void ToForm_AMemberTheFormLacks_IsTheWholeForm() =>
        Assert.That(FieldNames.ToForm<OrderFormViewModel>(FieldKey.Of("CustomerId")), Is.Empty);
}
