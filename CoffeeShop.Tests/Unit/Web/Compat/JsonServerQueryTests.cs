using CoffeeShop.Domain.Common;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Compat;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.ErrorHandling;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CoffeeShop.Tests.Unit.Web.Compat;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class JsonServerQueryTests
{
    /// <summary>Five named drinks (ids 1–5) followed by plain ones up to id 23, in id order.</summary>
    private static readonly IReadOnlyList<CoffeeResponse> Coffees =
    [
        Coffee(1, "Latte", "Mild and milky.", "Espresso", "Steamed milk"),
        Coffee(2, "Mocha", "Sweet and strong.", "Espresso", "Chocolate sauce"),
        Coffee(3, "Black", "Strong.", "Coffee"),
        Coffee(4, "Iced Latte", "Mild and cold.", "Espresso", "Cold milk", "Ice"),
        Coffee(5, "Americano", "Strong.", "Espresso", "Hot water"),
        .. Enumerable.Range(6, 18).Select(id => Coffee(id, $"Plain {id:00}", "Plain.", "Water")),
    ];

    [Test]
    public void Apply_NoOptions_ReturnsEverythingInOrderWithTotal()
    {
        var result = Apply();

        Assert.That(Ids(result), Is.EqualTo(Enumerable.Range(1, 23)));
        Assert.That((result.TotalCount, result.Paging), Is.EqualTo((23, (JsonServerPaging?)null)));
    }

    [Test]
    public void Apply_Item_SerialisesTheFiveFieldsInContractOrder()
    {
        var first = Apply().Items[0];

        Assert.That(first.Select(p => p.Key), Is.EqualTo(new[] { "title", "description", "ingredients", "image", "id" }));
    }

    [Test]
    public void Apply_FieldEquality_KeepsExactMatchesOnly()
    {
        var result = Apply(("title", "Latte"));

        Assert.That(Ids(result), Is.EqualTo(new[] { 1 }));
        Assert.That(result.TotalCount, Is.EqualTo(1));
    }

    [Test]
    public void Apply_FieldEqualityOnNumber_ComparesAsText()
    {
        Assert.That(Ids(Apply(("id", "3"))), Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void Apply_FieldEquality_IsCaseSensitive()
    {
        Assert.That(Ids(Apply(("title", "latte"))), Is.Empty);
    }

    [Test]
    public void Apply_RepeatedKey_MatchesAnyOfTheValues()
    {
        var result = Apply(("title", new StringValues(["Latte", "Mocha"])));

        Assert.That(Ids(result), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Apply_DifferentKeys_MustAllMatch()
    {
        Assert.That(Ids(Apply(("description", "Strong."), ("title", "Black"))), Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void Apply_NumericGteAndLte_KeepsTheInclusiveRange()
    {
        Assert.That(Ids(Apply(("id_gte", "3"), ("id_lte", "5"))), Is.EqualTo(new[] { 3, 4, 5 }));
    }

    [Test]
    public void Apply_NumericGte_ComparesNumbersNotText()
    {
        // As text "9" > "10"; as numbers it is not.
        Assert.That(Ids(Apply(("id_gte", "10"), ("id_lte", "12"))), Is.EqualTo(new[] { 10, 11, 12 }));
    }

    [Test]
    public void Apply_StringGteAndLte_ComparesOrdinally()
    {
        var result = Apply(("title_gte", "L"), ("title_lte", "Mz"));

        Assert.That(Titles(result), Is.EqualTo(new[] { "Latte", "Mocha" }));
    }

    [Test]
    public void Apply_NotEqual_DropsMatchingItems()
    {
        var result = Apply(("description_ne", "Plain."));

        Assert.That(Ids(result), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void Apply_Like_IsCaseInsensitiveSubstring()
    {
        Assert.That(Ids(Apply(("title_like", "LAT"))), Is.EqualTo(new[] { 1, 4 }));
    }

    [Test]
    public void Apply_LikeOnArray_MatchesTheJoinedIngredients()
    {
        Assert.That(Ids(Apply(("ingredients_like", "cold MILK"))), Is.EqualTo(new[] { 4 }));
    }

    [Test]
    public void Apply_LikeWithRegexCharacters_TreatsThemLiterally()
    {
        Assert.That(Ids(Apply(("title_like", "L.tte"))), Is.Empty);
    }

    [Test]
    public void Apply_FullTextQ_MatchesIngredientsCaseInsensitively()
    {
        Assert.That(Ids(Apply(("q", "CHOCOLATE"))), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Apply_FullTextQ_MatchesTheId()
    {
        // 17 appears in no title, description or ingredient; only the id (and "Plain 17") carry it.
        Assert.That(Ids(Apply(("q", "17"))), Is.EqualTo(new[] { 17 }));
    }

    [Test]
    public void Apply_FullTextQ_MatchesDescriptions()
    {
        Assert.That(Ids(Apply(("q", "milky"))), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void Apply_UnknownPlainKey_IsIgnored()
    {
        Assert.That(Apply(("colour", "red")).TotalCount, Is.EqualTo(23));
    }

    [Test]
    public void Apply_UnknownKeyWithOperator_MatchesNothing()
    {
        Assert.That(Apply(("colour_like", "red")).TotalCount, Is.Zero);
    }

    [Test]
    public void Apply_SortDescending_OrdersByThatField()
    {
        var result = Apply(("title", new StringValues(["Latte", "Mocha", "Black"])), ("_sort", "title"), ("_order", "desc"));

        Assert.That(Titles(result), Is.EqualTo(new[] { "Mocha", "Latte", "Black" }));
    }

    [Test]
    public void Apply_SortWithoutOrder_IsAscending()
    {
        var result = Apply(("id_lte", "5"), ("_sort", "title"));

        Assert.That(Titles(result), Is.EqualTo(new[] { "Americano", "Black", "Iced Latte", "Latte", "Mocha" }));
    }

    [Test]
    public void Apply_SortNumbers_ComparesByValue()
    {
        var result = Apply(("id_gte", "8"), ("id_lte", "11"), ("_sort", "id"), ("_order", "desc"));

        Assert.That(Ids(result), Is.EqualTo(new[] { 11, 10, 9, 8 }));
    }

    [Test]
    public void Apply_SortOnTwoFields_BreaksTiesWithTheSecondInItsOwnOrder()
    {
        var result = Apply(("id_lte", "5"), ("_sort", "description,id"), ("_order", "asc,desc"));

        // "Mild and cold." < "Mild and milky." < "Strong." (ids 5, 3 desc) < "Sweet and strong."
        Assert.That(Ids(result), Is.EqualTo(new[] { 4, 1, 5, 3, 2 }));
    }

    [Test]
    public void Apply_BadOrder_ThrowsValidationNamingOrder()
    {
        var ex = Assert.Throws<RequestValidationException>(() => Apply(("_sort", "title"), ("_order", "sideways")));

        Assert.That(ex!.Errors.Keys, Is.EqualTo(new[] { "_order" }));
    }

    [Test]
    public void Apply_PageWithoutLimit_UsesTenPerPage()
    {
        var result = Apply(("_page", "2"));

        Assert.That(Ids(result), Is.EqualTo(Enumerable.Range(11, 10)));
        Assert.That(result.TotalCount, Is.EqualTo(23));
        Assert.That(result.Paging, Is.EqualTo(new JsonServerPaging(2, 10, 23)));
    }

    [Test]
    public void Apply_PageAndLimit_ReturnsThatSlice()
    {
        var result = Apply(("_page", "3"), ("_limit", "5"));

        Assert.That(Ids(result), Is.EqualTo(new[] { 11, 12, 13, 14, 15 }));
        Assert.That(result.Paging, Is.EqualTo(new JsonServerPaging(3, 5, 23)));
    }

    [Test]
    public void Apply_LastPartialPage_ReturnsTheRemainder()
    {
        Assert.That(Ids(Apply(("_page", "3"))), Is.EqualTo(new[] { 21, 22, 23 }));
    }

    [Test]
    public void Apply_PageBeyondTheEnd_IsEmptyWithoutPaging()
    {
        var result = Apply(("_page", "9"));

        Assert.That((result.Items.Count, result.TotalCount, result.Paging), Is.EqualTo((0, 23, (JsonServerPaging?)null)));
    }

    [Test]
    public void Apply_StartAndEnd_SlicesByPosition()
    {
        Assert.That(Ids(Apply(("_start", "5"), ("_end", "8"))), Is.EqualTo(new[] { 6, 7, 8 }));
    }

    [Test]
    public void Apply_EndOnly_StartsAtTheBeginning()
    {
        Assert.That(Ids(Apply(("_end", "2"))), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Apply_StartAndLimit_TakesLimitItemsFromStart()
    {
        var result = Apply(("_start", "20"), ("_limit", "2"));

        Assert.That(Ids(result), Is.EqualTo(new[] { 21, 22 }));
        Assert.That(result.TotalCount, Is.EqualTo(23));
    }

    [Test]
    public void Apply_LimitOnly_TakesTheFirstItems()
    {
        Assert.That(Ids(Apply(("_limit", "3"))), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void Apply_FilterThenPage_CountsTheFilteredTotal()
    {
        var result = Apply(("description", "Plain."), ("_page", "2"), ("_limit", "5"));

        Assert.That(Ids(result), Is.EqualTo(new[] { 11, 12, 13, 14, 15 }));
        Assert.That(result.TotalCount, Is.EqualTo(18));
    }

    [TestCase("_page", "abc")]
    [TestCase("_page", "-1")]
    [TestCase("_page", "1.5")]
    [TestCase("_limit", "ten")]
    [TestCase("_start", "x")]
    [TestCase("_end", "")]
    public void Apply_NonNumericSliceOption_ThrowsValidationNamingIt(string option, string value)
    {
        var ex = Assert.Throws<RequestValidationException>(() => Apply((option, value)));

        Assert.That(ex!.Errors.Keys, Is.EqualTo(new[] { option }));
    }

    [Test]
    public void LinkHeader_MiddlePage_HasFirstPrevNextLastKeepingOtherParameters()
    {
        var query = Query(("title_like", "plain"), ("_page", "2"), ("_limit", "5"));
        var result = JsonServerQuery.Apply(Coffees, query);
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("shop.example");
        request.Path = "/coffee/hot";
        request.Query = query;

        var header = result.LinkHeader(request);

        // 18 "Plain" drinks at 5 a page: pages 1 to 4.
        Assert.That(header, Is.EqualTo(
            "<http://shop.example/coffee/hot?title_like=plain&_page=1&_limit=5>; rel=\"first\", " +
            "<http://shop.example/coffee/hot?title_like=plain&_page=1&_limit=5>; rel=\"prev\", " +
            "<http://shop.example/coffee/hot?title_like=plain&_page=3&_limit=5>; rel=\"next\", " +
            "<http://shop.example/coffee/hot?title_like=plain&_page=4&_limit=5>; rel=\"last\""));
    }

    [Test]
    public void LinkHeader_NotPaged_IsNull()
    {
        var result = JsonServerQuery.Apply(Coffees, Query(("_limit", "5")));

        Assert.That(result.LinkHeader(new DefaultHttpContext().Request), Is.Null);
    }

    private static JsonServerResult Apply(params (string Key, StringValues Values)[] options) =>
        JsonServerQuery.Apply(Coffees, Query(options));

    private static QueryCollection Query(params (string Key, StringValues Values)[] options) =>
        new(options.ToDictionary(o => o.Key, o => o.Values));

    private static int[] Ids(JsonServerResult result) =>
        result.Items.Select(i => i["id"]!.GetValue<int>()).ToArray();

    private static string[] Titles(JsonServerResult result) =>
        result.Items.Select(i => i["title"]!.GetValue<string>()).ToArray();

    private static CoffeeResponse Coffee(int id, string title, string description, params string[] ingredients) => new()
    {
        Id = id,
        Title = title,
        Description = description,
        Ingredients = ingredients,
        Image = $"/images/menu/{id}.svg",
    };
}
