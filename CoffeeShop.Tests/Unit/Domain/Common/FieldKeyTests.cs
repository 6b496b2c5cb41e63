using CoffeeShop.Domain.Common;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Unit.Domain.Common;

[Category(TestCategories.Unit)]
public sealed class FieldKeyTests
{
    [Test]
    public void Format_MemberIndexMember_SpellsThePath()
    {
        var key = FieldKey.Of("Lines").At(1).Then("Quantity");

        Assert.That(key.ToString(), Is.EqualTo("Lines[1].Quantity"));
        Assert.That(key.Segments, Is.EqualTo(new[] { new FieldKey.Segment("Lines", 1), new FieldKey.Segment("Quantity", null) }));
    }

    [Test]
    public void Label_LowersEachMembersFirstLetter_ForMessages() =>
        Assert.That(FieldKey.Of("CustomerName").Label, Is.EqualTo("customerName"));

    [Test]
    public void Equals_SamePath_IsEqual()
    {
        var key = FieldKey.Of("Lines").At(2);

        Assert.That(key, Is.EqualTo(FieldKey.None.Then("Lines").At(2)));
        Assert.That(key, Is.Not.EqualTo(FieldKey.Of("Lines").At(3)));
    }

    [Test]
    public void None_HasNoSegments_AndCannotBeIndexed()
    {
        Assert.That(FieldKey.None.ToString(), Is.Empty);
        Assert.Throws<InvalidOperationException>(() => FieldKey.None.At(0));
    }
}
