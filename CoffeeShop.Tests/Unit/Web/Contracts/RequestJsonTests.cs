using System.Text.Json;
using System.Text.Json.Nodes;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Contracts;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.ErrorHandling;

namespace CoffeeShop.Tests.Unit.Web.Contracts;

/// <summary>
/// Request records read by <see cref="RequestJson"/>: a field left out or null where it may not be is named, each of
/// them, in the client's spelling, also inside lists of nested records (as menu item sizes and order options will be).
/// </summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class RequestJsonTests
{
    [Test]
    public void Read_EveryFieldMissing_NamesEachOfThem_MoreThanTheSerializersMessageLists()
    {
        var ex = Assert.Throws<RequestValidationException>(() => RequestJson.Read<ReplaceMenuItemRequest>(new JsonObject()));

        Assert.That(ex!.Errors.Keys, Is.EquivalentTo(new[] { "category", "title", "description", "ingredients", "image", "isAvailable" }), "price may be left out when sizes are sent");
    }

    [Test]
    public void Read_RequiredMemberMissingInsideAList_NamesItWithItsIndex()
    {
        var document = JsonNode.Parse("""{"name":"Ann","items":[{"code":"a","quantity":1},{"quantity":2},{}]}""")!;

        var ex = Assert.Throws<RequestValidationException>(() => RequestJson.Read<Outer>(document));

        // The serializer stops at the first object it cannot finish: the second item.
        Assert.That(ex!.Errors.Keys, Is.EqualTo(new[] { "items[1].code" }));
        Assert.That(ex.Errors["items[1].code"], Is.EqualTo(new[] { "The code field is required." }));
    }

    [Test]
    public void Read_NullInsideAList_NamesTheField()
    {
        var document = JsonNode.Parse("""{"name":"Ann","items":[{"code":null,"quantity":1}]}""")!;

        var ex = Assert.Throws<RequestValidationException>(() => RequestJson.Read<Outer>(document));

        Assert.That(ex!.Errors, Does.ContainKey("items[0].code"));
        Assert.That(ex.Errors["items[0].code"], Is.EqualTo(new[] { "The code field cannot be null." }));
    }

    [Test]
    public void Read_OptionalMembersLeftOut_TakeTheirDefaults()
    {
        var read = RequestJson.Read<Outer>(JsonNode.Parse("""{"NAME":"Ann"}""")!);

        Assert.Multiple(() =>
        {
            Assert.That(read.Name, Is.EqualTo("Ann"));
            Assert.That(read.Items, Is.Empty);
        });
    }

    [Test]
    public void Read_WrongType_NamesTheFieldAndNoDotNetType()
    {
        var ex = Assert.Throws<RequestValidationException>(() => RequestJson.Read<Outer>(JsonNode.Parse("""{"name":"Ann","items":[{"code":"a","quantity":"two"}]}""")!));

        Assert.That(ex!.Errors, Is.EqualTo(new Dictionary<string, string[]> { ["items[0].quantity"] = ["The value has the wrong type."] }));
    }

    [Test]
    public void Deserialize_AsMvcDoes_RaisesTheSameNamedFailure()
    {
        var ex = Assert.Throws<RequestValidationException>(() => JsonSerializer.Deserialize<CoffeeRequest>("""{"title":"T"}""", RequestJson.Options));

        Assert.That(ex!.Errors.Keys, Is.EquivalentTo(new[] { "description", "ingredients", "image" }));
    }

    public sealed record Outer : IRequestRecord
    {
        public required string Name { get; init; }

        public List<Item> Items { get; init; } = [];
    }

    public sealed record Item
    {
        public required string Code { get; init; }

        public int Quantity { get; init; } = 1;
    }
}
