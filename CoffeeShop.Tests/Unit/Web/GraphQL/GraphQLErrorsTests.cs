using CoffeeShop.Domain.Common;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.GraphQL;

namespace CoffeeShop.Tests.Unit.Web.GraphQL;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class GraphQLErrorsTests
{
    [Test]
    public void FromDomain_EachDomainException_HasItsCode()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GraphQLErrors.FromDomain(new DomainValidationException(FieldKey.Of("Lines").At(0).Then("Quantity"), "Too many."))!.Field, Is.EqualTo("lines[0].quantity"));
            Assert.That(GraphQLErrors.FromDomain(new DomainValidationException(FieldKey.Of("Title"), "Too long."))!.Code, Is.EqualTo(GraphQLErrors.BadUserInput));
            Assert.That(GraphQLErrors.FromDomain(new NotFoundException("Gone."))!.Code, Is.EqualTo(GraphQLErrors.NotFound));
            Assert.That(GraphQLErrors.FromDomain(new ConflictException("Taken."))!.Code, Is.EqualTo(GraphQLErrors.Conflict));
            Assert.That(GraphQLErrors.FromDomain(new ConcurrencyException("Stale."))!.Code, Is.EqualTo(GraphQLErrors.Conflict));
            Assert.That(GraphQLErrors.FromDomain(new DomainException("No."))!.Code, Is.EqualTo(GraphQLErrors.BadUserInput));
        }
    }

    [Test]
    public void FromDomain_AnythingElse_IsNotMapped()
    {
        Assert.That(GraphQLErrors.FromDomain(new InvalidOperationException("SELECT * FROM secrets")), Is.Null);
    }

    [Test]
    public void FromDomain_KeepsTheDomainMessage()
    {
        Assert.That(GraphQLErrors.FromDomain(new NotFoundException("Menu item 9 was not found."))!.Message, Is.EqualTo("Menu item 9 was not found."));
    }
}
