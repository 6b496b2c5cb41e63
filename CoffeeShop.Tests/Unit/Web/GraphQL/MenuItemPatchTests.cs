using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.GraphQL;

namespace CoffeeShop.Tests.Unit.Web.GraphQL;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MenuItemPatchTests
{
    private readonly MenuItemDetails _current = new MenuItemBuilder().WithTitle("Latte").WithPrice(3.90m).BuildDetails();

    [Test]
    public void Apply_SomeFields_ChangesThoseAndKeepsTheRest()
    {
        var patched = MenuItemPatch.Apply(_current, new Dictionary<string, object?> { ["price"] = 4.10m, ["category"] = MenuCategory.Iced });

        Assert.That(patched, Is.EqualTo(_current with { Price = 4.10m, Category = MenuCategory.Iced }));
    }

    [Test]
    public void Apply_NullImage_RemovesThePicture()
    {
        var patched = MenuItemPatch.Apply(_current, new Dictionary<string, object?> { ["image"] = null });

        Assert.That(patched.Image, Is.Null);
    }

    [Test]
    public void Apply_Ingredients_ReplacesTheList()
    {
        var patched = MenuItemPatch.Apply(_current, new Dictionary<string, object?> { ["ingredients"] = new List<object?> { "Espresso", "Oat milk" } });

        Assert.That(patched.Ingredients, Is.EqualTo(new[] { "Espresso", "Oat milk" }));
    }

    [TestCase("title")]
    [TestCase("price")]
    [TestCase("isAvailable")]
    public void Apply_NullForARequiredField_IsBadUserInputNamingIt(string field)
    {
        var error = Assert.Throws<GraphQLUserError>(() => MenuItemPatch.Apply(_current, new Dictionary<string, object?> { [field] = null }));

        Assert.That(error!.Field, Is.EqualTo(field));
        Assert.That(error.Code, Is.EqualTo(GraphQLErrors.BadUserInput));
    }

    [Test]
    public void Apply_OnlyTheExpectedVersion_IsBadUserInputNamingTheInput()
    {
        var error = Assert.Throws<GraphQLUserError>(() => MenuItemPatch.Apply(_current, new Dictionary<string, object?> { ["expectedVersion"] = 3 }));

        Assert.That(error!.Field, Is.EqualTo("input"));
    }

    [Test]
    public void ExpectedVersionOf_GivenOrNot()
    {
        Assert.That(MenuItemPatch.ExpectedVersionOf(new Dictionary<string, object?> { ["expectedVersion"] = 3 }), Is.EqualTo(3));
        Assert.That(MenuItemPatch.ExpectedVersionOf(new Dictionary<string, object?>()), Is.Null);
    }
}
