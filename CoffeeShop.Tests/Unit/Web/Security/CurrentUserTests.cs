using System.Security.Claims;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Http;

namespace CoffeeShop.Tests.Unit.Web.Security;

[Category(TestCategories.Unit)]
public sealed class CurrentUserTests
{
    [Test]
    public void ASignedInCustomer_IsAPersonAndACustomer()
    {
        var caller = For(new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Role, AppRoles.Customer));

        Assert.That((caller.UserId, caller.IsStaff, caller.Actor, caller.Key), Is.EqualTo(("user-1", false, OrderActor.Customer, "user-1")));
    }

    [TestCase(AppRoles.Barista)]
    [TestCase(AppRoles.Admin)]
    public void ABaristaOrAnAdmin_IsStaff(string role) =>
        Assert.That(For(new Claim(ClaimTypes.NameIdentifier, "user-2"), new Claim(ClaimTypes.Role, role)).Actor, Is.EqualTo(OrderActor.Staff));

    [Test]
    public void AnApiKey_IsNoPerson_ButHasAKey()
    {
        var subject = ApiKeyPrincipal.SubjectPrefix + "7";

        var caller = For(new Claim(TokenClaims.Subject, subject), new Claim(ClaimTypes.Role, AppRoles.Customer));

        Assert.That((caller.UserId, caller.Key), Is.EqualTo(((string?)null, subject)));
    }

    [Test]
    public void NoOne_HasNoIdAndNoKey()
    {
        var caller = new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext() });

        Assert.That((caller.UserId, caller.IsStaff, caller.Key), Is.EqualTo(((string?)null, false, (string?)null)));
    }

    private static CurrentUser For(params Claim[] claims) => new(new HttpContextAccessor
    {
        HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")) },
    });
}
