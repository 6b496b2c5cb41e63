using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AutoMapper;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Models.Admin;
using static CoffeeShop.Tests.Unit.Domain.Menu.MenuWriteTestData;

namespace CoffeeShop.Tests.Unit.Web.Models.Admin;

/// <summary>The admin form: mapped from an item, validated at the edge, turned back into the domain's details.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MenuItemFormViewModelTests
{
    private static readonly IMapper Mapper = new MapperConfiguration(c => c.AddProfile<MenuProfile>()).CreateMapper();

    [Test]
    public void ToDetails_FormMappedFromAnItem_GivesBackTheItemsDetailsWithItsOwnSizesAndGroups()
    {
        var item = Item(price: 4.20m);

        var form = Mapper.Map<MenuItemFormViewModel>(item);

        // The form writes the sizes and groups it shows back, rather than "keep" (null): the same item either way.
        Assert.That(form.ToDetails(), Is.EqualTo(item.Details with { Sizes = item.Sizes, OptionGroupCodes = item.OptionGroupCodes }).Using<MenuItemDetails>(SameDetails));
    }

    [Test]
    public void ToDetails_SizeRows_TheDefaultRowCostsThePriceField()
    {
        var form = new MenuItemFormViewModel
        {
            Title = "Latte",
            Ingredients = "Espresso",
            Price = "3.90",
            Sizes = [new() { Code = "small", Name = "Small", Price = "3.50" }, new() { Code = "medium", Name = "Medium", Price = "9.99" }],
            DefaultSize = 1,
            OptionGroupCodes = ["milk", "milk", ""],
        };

        var details = form.ToDetails();

        Assert.That(details.Sizes, Is.EqualTo(new MenuItemSize[] { new("small", "Small", 3.50m), new("medium", "Medium", 3.90m, IsDefault: true) }));
        Assert.That(details.OptionGroupCodes, Is.EqualTo(new[] { "milk" }));
    }

    [Test]
    public void Map_Price_IsWrittenWithADotWhateverTheCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.That(Mapper.Map<MenuItemFormViewModel>(Item(price: 4.2m)).Price, Is.EqualTo("4.20"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Test]
    public void ToDetails_IngredientLines_AreTrimmedAndBlankLinesSkipped()
    {
        var form = new MenuItemFormViewModel { Title = "Latte", Ingredients = " Espresso \r\n\r\nMilk\n", Price = "3.90" };

        Assert.That(form.ToDetails().Ingredients, Is.EqualTo(new[] { "Espresso", "Milk" }));
    }

    [TestCase("4,20")]
    [TestCase("0")]
    [TestCase("4.205")]
    [TestCase("100.01")]
    public void Validate_PriceOutsideTheRules_IsAnErrorOnPrice(string price)
    {
        var form = new MenuItemFormViewModel { Title = "Latte", Ingredients = "Espresso", Price = price };

        Assert.That(Errors(form), Does.ContainKey(nameof(MenuItemFormViewModel.Price)));
    }

    [Test]
    public void Validate_TwentyOneIngredients_IsAnErrorOnIngredients()
    {
        var form = new MenuItemFormViewModel
        {
            Title = "Latte",
            Ingredients = string.Join('\n', Enumerable.Range(1, 21).Select(i => $"Ingredient {i}")),
            Price = "3.90",
        };

        Assert.That(Errors(form), Does.ContainKey(nameof(MenuItemFormViewModel.Ingredients)));
    }

    [Test]
    public void Validate_IngredientOfSixtyOneCharacters_IsAnErrorOnIngredients()
    {
        var form = new MenuItemFormViewModel { Title = "Latte", Ingredients = new string('x', 61), Price = "3.90" };

        Assert.That(Errors(form), Does.ContainKey(nameof(MenuItemFormViewModel.Ingredients)));
    }

    [Test]
    public void Validate_CompleteForm_HasNoErrors()
    {
        var form = new MenuItemFormViewModel { Title = "Latte", Ingredients = "Espresso\nMilk", Price = "3.90", Image = "/images/menu/latte.svg" };

        Assert.That(Errors(form), Is.Empty);
    }

    private static bool SameDetails(MenuItemDetails a, MenuItemDetails b) =>
        a with { Ingredients = [], Sizes = null, OptionGroupCodes = null } == b with { Ingredients = [], Sizes = null, OptionGroupCodes = null }
        && a.Ingredients.SequenceEqual(b.Ingredients)
        && (a.Sizes ?? []).SequenceEqual(b.Sizes ?? [])
        && (a.OptionGroupCodes ?? []).SequenceEqual(b.OptionGroupCodes ?? []);

    private static Dictionary<string, string?> Errors(MenuItemFormViewModel form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(m => (m, r.ErrorMessage))).ToDictionary(e => e.m, e => e.ErrorMessage);
    }
}
