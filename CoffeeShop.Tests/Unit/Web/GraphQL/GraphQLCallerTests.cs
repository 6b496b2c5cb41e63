using System.Security.Claims;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.GraphQL;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Unit.Web.GraphQL;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class GraphQLCallerTests
{
    [Test]
    public void From_Anonymous_IsNotSignedInAndActsAsCustomer()
    {
        var caller = GraphQLCaller.From(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.That(caller, Is.EqualTo(GraphQLCaller.Anonymous));
        Assert.That(caller.Actor, Is.EqualTo(OrderActor.Customer));
        Assert.That(Code(() => caller.RequireSignedIn()), Is.EqualTo(GraphQLErrors.Unauthenticated));
        Assert.That(Code(() => caller.RequireStaff()), Is.EqualTo(GraphQLErrors.Unauthenticated));
    }

    [Test]
    public void From_Customer_HasTheUserIdButNoStaffRights()
    {
        var caller = GraphQLCaller.From(Principal("user-1", AppRoles.Customer));

        Assert.That(caller.UserId, Is.EqualTo("user-1"));
        Assert.That(caller.Actor, Is.EqualTo(OrderActor.Customer));
        Assert.That(Code(() => caller.RequireStaff()), Is.EqualTo(GraphQLErrors.Forbidden));
        Assert.That(Code(() => caller.RequireAdmin()), Is.EqualTo(GraphQLErrors.Forbidden));
    }

    [Test]
    public void From_Barista_IsStaffButNotAdmin()
    {
        var caller = GraphQLCaller.From(Principal("user-2", AppRoles.Barista));

        Assert.That(caller.Actor, Is.EqualTo(OrderActor.Staff));
        Assert.That(caller.RequireStaff(), Is.SameAs(caller));
        Assert.That(Code(() => caller.RequireAdmin()), Is.EqualTo(GraphQLErrors.Forbidden));
    }

    [Test]
    public void From_AdminApiKey_IsAdminWithoutAUserId()
    {
        var caller = GraphQLCaller.From(Principal(ApiKeyPrincipal.SubjectFor(3), AppRoles.Admin));

        Assert.That(caller.UserId, Is.Null, "a key is not a person");
        Assert.That(caller.RequireAdmin(), Is.SameAs(caller));
    }

    private static ClaimsPrincipal Principal(string subject, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, subject), new Claim(ClaimTypes.Role, role)], "Test"));

    private static string? Code(TestDelegate call) => Assert.Throws<GraphQLUserError>(call)!.Code;
}
