using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Data.Seed;

/// <summary>The menu a fresh database starts with, read through the API as a client sees it.</summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class MenuSeederTests : IntegrationTestBase
{
    /// <summary>The drinks PRODUCT.md names for the seeded menu.</summary>
    private static readonly string[] NamedInProduct =
    [
        "Black", "Latte", "Cappuccino", "Americano", "Espresso", "Doppio", "Cortado", "Red Eye", "Galão", "Lungo",
        "Macchiato", "Mocha", "Ristretto", "Flat White", "Affogato", "Café au Lait", "Irish", "Iced Coffee",
        "Iced Espresso", "Cold Brew", "Frappuccino", "Nitro", "Mazagran", "Dalgona",
    ];

    private List<JsonElement> _menu = null!;

    [OneTimeSetUp]
    public async Task ReadTheMenuAsync()
    {
        var body = await Client.GetFromJsonAsync<JsonElement>("/api/v1/menu-items?pageSize=100");
        _menu = body.GetProperty("items").EnumerateArray().ToList();
    }

    [TestCase("hot", 15)]
    [TestCase("iced", 10)]
    public void SeededMenu_Category_HasAtLeastTheRequiredDrinks(string category, int minimum)
    {
        Assert.That(_menu.Count(i => i.GetProperty("category").GetString() == category), Is.GreaterThanOrEqualTo(minimum));
    }

    [Test]
    public void SeededMenu_EveryDrinkNamedInTheProductSpecification_IsOnIt()
    {
        Assert.That(_menu.Select(i => i.GetProperty("title").GetString()), Is.SupersetOf(NamedInProduct));
    }

    [Test]
    public void SeededMenu_EveryDrink_HasAValidPriceDescriptionIngredientsAndIsAvailable()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var item in _menu)
            {
                var title = item.GetProperty("title").GetString();
                var price = item.GetProperty("price").GetDecimal();
                Assert.That(price, Is.InRange(0.01m, 100.00m), title);
                Assert.That(decimal.Round(price, 2), Is.EqualTo(price), title);
                Assert.That(item.GetProperty("description").GetString(), Is.Not.Empty, title);
                Assert.That(item.GetProperty("ingredients").GetArrayLength(), Is.GreaterThan(0), title);
                Assert.That(item.GetProperty("isAvailable").GetBoolean(), Is.True, title);
            }
        }
    }

    [Test]
    public void SeededMenu_Prices_KeepTwoDecimalsInJson()
    {
        var latte = _menu.Single(i => i.GetProperty("title").GetString() == "Latte");

        Assert.That(latte.GetProperty("price").GetRawText(), Is.EqualTo("3.90"));
    }

    [Test]
    public async Task SeededMenu_EveryImage_IsServedAsSvg()
    {
        var images = _menu.Select(i => i.GetProperty("image").GetString()).ToList();
        Assert.That(images, Has.All.Match("^/images/menu/[a-z-]+\\.svg$"));

        using (Assert.EnterMultipleScope())
        {
            foreach (var image in images)
            {
                using var response = await Client.GetAsync(image);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), image);
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"), image);
            }
        }
    }

    [TestCase("/images/menu/hot.svg")]
    [TestCase("/images/menu/iced.svg")]
    public async Task CategoryPlaceholderImage_IsServedAsSvg(string url)
    {
        using var response = await Client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
    }
}
