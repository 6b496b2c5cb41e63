using System.Security.Claims;
using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Web.Security;

/// <summary>Who is calling: the one answer for pages, the APIs and any other front end.</summary>
public interface ICurrentUser
{
    /// <summary>The Identity user id of a signed-in person (cookie or token); null for API keys and anonymous callers.</summary>
    string? UserId { get; }

    /// <summary>A barista or an admin (a person or an API key with either role).</summary>
    bool IsStaff { get; }

    /// <summary>How the order rules see the caller.</summary>
    OrderActor Actor { get; }

    /// <summary>A stable key per caller (a user or an API key) for rate limits and idempotency scopes; null when anonymous.</summary>
    string? Key { get; }
}

/// <summary>The caller of the current request, read from its <see cref="ClaimsPrincipal"/>.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string? UserId => UserIdOf(Principal);

    public bool IsStaff => IsStaffPrincipal(Principal);

    public OrderActor Actor => IsStaff ? OrderActor.Staff : OrderActor.Customer;

    public string? Key => KeyOf(Principal);

    /// <summary>For the few places that hold a principal before services do (the rate limiter's partitioner, views).</summary>
    public static string? UserIdOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue(TokenClaims.Subject);
        return id is null || id.StartsWith(ApiKeyPrincipal.SubjectPrefix, StringComparison.Ordinal) ? null : id;
    }

    public static bool IsStaffPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.IsInRole(AppRoles.Barista) || principal.IsInRole(AppRoles.Admin);
    }

    public static string? KeyOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true
            ? principal.FindFirstValue(TokenClaims.Subject) ?? UserIdOf(principal) ?? principal.Identity.Name
            : null;
    }
}
