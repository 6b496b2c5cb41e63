using System.Security.Claims;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Web.GraphQL;

/// <summary>
/// Who is calling the GraphQL endpoint, read once per request from the bearer token or API key (never the site
/// cookie), and the field-level checks built on it. The one place that turns a principal into an order actor.
/// </summary>
public sealed record GraphQLCaller(bool IsAuthenticated, string? UserId, bool IsStaff, bool IsAdmin)
{
    public static GraphQLCaller Anonymous { get; } = new(false, null, false, false);

    /// <summary>How the order rules see this caller: staff (barista or admin) or a customer.</summary>
    public OrderActor Actor => IsStaff ? OrderActor.Staff : OrderActor.Customer;

    public static GraphQLCaller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated != true
            ? Anonymous
            : new GraphQLCaller(true, CurrentUser.UserIdOf(user), CurrentUser.IsStaffPrincipal(user), user.IsInRole(AppRoles.Admin));
    }

    /// <summary>A signed-in person or an API key; anyone else gets UNAUTHENTICATED.</summary>
    public GraphQLCaller RequireSignedIn() => IsAuthenticated ? this : throw GraphQLErrors.SignInRequired();

    /// <summary>A barista or an admin: UNAUTHENTICATED for anonymous callers, FORBIDDEN for the rest.</summary>
    public GraphQLCaller RequireStaff() => RequireSignedIn().IsStaff ? this : throw GraphQLErrors.RoleRequired();

    /// <summary>An admin: UNAUTHENTICATED for anonymous callers, FORBIDDEN for the rest.</summary>
    public GraphQLCaller RequireAdmin() => RequireSignedIn().IsAdmin ? this : throw GraphQLErrors.RoleRequired();
}
