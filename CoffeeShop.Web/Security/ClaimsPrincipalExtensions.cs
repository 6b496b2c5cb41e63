using System.Security.Claims;

namespace CoffeeShop.Web.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The Identity user id of a signed-in person (cookie or token); null for API keys and anonymous callers.</summary>
    public static string? UserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue(TokenClaims.Subject);
        return id is null || id.StartsWith(ApiKeyPrincipal.SubjectPrefix, StringComparison.Ordinal) ? null : id;
    }

    public static bool IsStaff(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.IsInRole(AppRoles.Barista) || principal.IsInRole(AppRoles.Admin);
    }
}
