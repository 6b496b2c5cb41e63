using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Unit.Domain.Menu;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MenuItemTests
{
    private static readonly DateTimeOffset Now = TestClock.DefaultStart;

    [Test]
    public void Constructor_ValidDetails_KeepsEveryFieldAndStartsAtVersionOne()
    {
        var item = new MenuItemBuilder()
            .Iced()
            .WithTitle("Cold Brew")
            .WithDescription("Steeped for 18 hours.")
            .WithIngredients("Coffee", "Ice")
            .WithImage("https://cdn.example.com/cold-brew.png")
            .WithPrice(3.80m)
            .Unavailable()
            .Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.Category, Is.EqualTo(MenuCategory.Iced));
            Assert.That(item.Title, Is.EqualTo("Cold Brew"));
            Assert.That(item.Description, Is.EqualTo("Steeped for 18 hours."));
            Assert.That(item.Ingredients, Is.EqualTo(new[] { "Coffee", "Ice" }));
            Assert.That(item.Image, Is.EqualTo("https://cdn.example.com/cold-brew.png"));
            Assert.That(item.Price, Is.EqualTo(3.80m));
            Assert.That(item.IsAvailable, Is.False);
            Assert.That(item.CreatedAt, Is.EqualTo(Now));
            Assert.That(item.UpdatedAt, Is.EqualTo(Now));
            Assert.That(item.Version, Is.EqualTo(1));
        }
    }

    [Test]
    public void Constructor_TextWithSurroundingSpaces_StoresItTrimmed()
    {
        var item = new MenuItemBuilder().WithTitle("  Latte  ").WithIngredients(" Espresso ").Build();

        Assert.That((item.Title, item.Ingredients[0]), Is.EqualTo(("Latte", "Espresso")));
    }

    [TestCase(1)]
    [TestCase(MenuItemLimits.TitleMaxLength)]
    public void Constructor_TitleLengthWithinBounds_IsAccepted(int length)
    {
        var item = new MenuItemBuilder().WithTitle(new string('T', length)).Build();

        Assert.That(item.Title, Has.Length.EqualTo(length));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void Constructor_EmptyTitle_ThrowsValidationNamingTitle(string? title)
    {
        AssertInvalid(new MenuItemBuilder().WithTitle(title!), "title");
    }

    [Test]
    public void Constructor_TitleOneOverMaximum_ThrowsValidationNamingTitle()
    {
        AssertInvalid(new MenuItemBuilder().WithTitle(new string('T', MenuItemLimits.TitleMaxLength + 1)), "title");
    }

    [TestCase(0)]
    [TestCase(MenuItemLimits.DescriptionMaxLength)]
    public void Constructor_DescriptionLengthWithinBounds_IsAccepted(int length)
    {
        var item = new MenuItemBuilder().WithDescription(new string('d', length)).Build();

        Assert.That(item.Description, Has.Length.EqualTo(length));
    }

    [Test]
    public void Constructor_DescriptionOneOverMaximum_ThrowsValidationNamingDescription()
    {
        AssertInvalid(new MenuItemBuilder().WithDescription(new string('d', MenuItemLimits.DescriptionMaxLength + 1)), "description");
    }

    [TestCase(MenuItemLimits.IngredientsMin)]
    [TestCase(MenuItemLimits.IngredientsMax)]
    public void Constructor_IngredientCountWithinBounds_IsAccepted(int count)
    {
        var item = new MenuItemBuilder().WithIngredients(Ingredients(count)).Build();

        Assert.That(item.Ingredients, Has.Count.EqualTo(count));
    }

    [TestCase(0)]
    [TestCase(MenuItemLimits.IngredientsMax + 1)]
    public void Constructor_IngredientCountOutOfBounds_ThrowsValidationNamingIngredients(int count)
    {
        AssertInvalid(new MenuItemBuilder().WithIngredients(Ingredients(count)), "ingredients");
    }

    [Test]
    public void Constructor_NullIngredients_ThrowsValidationNamingIngredients()
    {
        AssertInvalid(new MenuItemBuilder().WithIngredients((IReadOnlyList<string>)null!), "ingredients");
    }

    [TestCase(1)]
    [TestCase(MenuItemLimits.IngredientMaxLength)]
    public void Constructor_IngredientLengthWithinBounds_IsAccepted(int length)
    {
        var item = new MenuItemBuilder().WithIngredients(new string('i', length)).Build();

        Assert.That(item.Ingredients[0], Has.Length.EqualTo(length));
    }

    [TestCase(0)]
    [TestCase(MenuItemLimits.IngredientMaxLength + 1)]
    public void Constructor_IngredientLengthOutOfBounds_ThrowsValidationNamingIngredients(int length)
    {
        AssertInvalid(new MenuItemBuilder().WithIngredients("Espresso", new string('i', length)), "ingredients");
    }

    [TestCase("https://cdn.example.com/latte.png")]
    [TestCase("http://example.com/latte.svg")]
    [TestCase("/images/menu/latte.svg")]
    public void Constructor_ImageAbsoluteHttpUrlOrSitePath_IsAccepted(string image)
    {
        var item = new MenuItemBuilder().WithImage(image).Build();

        Assert.That(item.Image, Is.EqualTo(image));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Constructor_NoImage_StoresNull(string? image)
    {
        var item = new MenuItemBuilder().WithImage(image).Build();

        Assert.That(item.Image, Is.Null);
    }

    [Test]
    public void Constructor_ImageAtMaximumLength_IsAccepted()
    {
        var image = "/" + new string('a', MenuItemLimits.ImageMaxLength - 1);

        var item = new MenuItemBuilder().WithImage(image).Build();

        Assert.That(item.Image, Has.Length.EqualTo(MenuItemLimits.ImageMaxLength));
    }

    [Test]
    public void Constructor_ImageOneOverMaximumLength_ThrowsValidationNamingImage()
    {
        AssertInvalid(new MenuItemBuilder().WithImage("/" + new string('a', MenuItemLimits.ImageMaxLength)), "image");
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("JavaScript:alert(1)")]
    [TestCase("//evil.example.com/x.png")]
    [TestCase("/\\evil.example.com/x.png")]
    [TestCase("ftp://example.com/latte.png")]
    [TestCase("data:image/svg+xml;base64,PHN2Zz4=")]
    [TestCase("images/latte.svg")]
    public void Constructor_ImageNotHttpUrlOrSitePath_ThrowsValidationNamingImage(string image)
    {
        AssertInvalid(new MenuItemBuilder().WithImage(image), "image");
    }

    [TestCase("0.01")]
    [TestCase("100.00")]
    [TestCase("3.9")]
    public void Constructor_PriceWithinBoundsWithTwoDecimals_IsAccepted(string price)
    {
        var value = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        var item = new MenuItemBuilder().WithPrice(value).Build();

        Assert.That(item.Price, Is.EqualTo(value));
    }

    [TestCase("0")]
    [TestCase("-1.00")]
    [TestCase("100.01")]
    [TestCase("1.234")]
    [TestCase("0.001")]
    public void Constructor_PriceOutOfBoundsOrTooPrecise_ThrowsValidationNamingPrice(string price)
    {
        var value = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        AssertInvalid(new MenuItemBuilder().WithPrice(value), "price");
    }

    [Test]
    public void Constructor_UndefinedCategory_ThrowsValidationNamingCategory()
    {
        AssertInvalid(new MenuItemBuilder().WithCategory((MenuCategory)99), "category");
    }

    [Test]
    public void Replace_ValidDetails_ChangesFieldsBumpsVersionAndUpdatedAt()
    {
        var item = new MenuItemBuilder().WithTitle("Latte").WithPrice(3.90m).Build();
        var later = Now.AddMinutes(5);

        item.Replace(new MenuItemBuilder().Iced().WithTitle("Iced Latte").WithPrice(4.10m).BuildDetails(), later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.Title, Is.EqualTo("Iced Latte"));
            Assert.That(item.Category, Is.EqualTo(MenuCategory.Iced));
            Assert.That(item.Price, Is.EqualTo(4.10m));
            Assert.That(item.Version, Is.EqualTo(2));
            Assert.That(item.UpdatedAt, Is.EqualTo(later));
            Assert.That(item.CreatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Replace_InvalidDetails_ThrowsAndKeepsVersion()
    {
        var item = new MenuItemBuilder().Build();

        Assert.Throws<DomainValidationException>(() => item.Replace(new MenuItemBuilder().WithPrice(0m).BuildDetails(), Now.AddMinutes(1)));
        Assert.That((item.Version, item.UpdatedAt), Is.EqualTo((1, Now)));
    }

    [Test]
    public void SetAvailability_Unavailable_ChangesFlagBumpsVersionAndUpdatedAt()
    {
        var item = new MenuItemBuilder().Build();
        var later = Now.AddHours(1);

        item.SetAvailability(false, later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(item.IsAvailable, Is.False);
            Assert.That(item.Version, Is.EqualTo(2));
            Assert.That(item.UpdatedAt, Is.EqualTo(later));
        }
    }

    [Test]
    public void SetAvailability_CalledTwice_BumpsVersionEachTime()
    {
        var item = new MenuItemBuilder().Build();

        item.SetAvailability(false, Now.AddMinutes(1));
        item.SetAvailability(true, Now.AddMinutes(2));

        Assert.That((item.IsAvailable, item.Version), Is.EqualTo((true, 3)));
    }

    [Test]
    public void Details_OfBuiltItem_RoundTripsTheDetailsItWasMadeFrom()
    {
        var details = new MenuItemBuilder().WithTitle("Mocha").WithIngredients("Espresso", "Chocolate").BuildDetails();

        var item = new MenuItem(details, Now);

        Assert.That(item.Details with { Ingredients = details.Ingredients }, Is.EqualTo(details));
        Assert.That(item.Details.Ingredients, Is.EqualTo(details.Ingredients));
    }

    private static string[] Ingredients(int count) =>
        Enumerable.Range(1, count).Select(i => $"Ingredient {i}").ToArray();

    private static void AssertInvalid(MenuItemBuilder builder, string field)
    {
        var details = builder.BuildDetails();

        var ex = Assert.Throws<DomainValidationException>(() => _ = new MenuItem(details, Now));

        Assert.That(ex!.Key.ToString(), Is.EqualTo(char.ToUpperInvariant(field[0]) + field[1..]), "the key names the member");
    }
}
