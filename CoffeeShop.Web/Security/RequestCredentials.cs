using Microsoft.Net.Http.Headers;

namespace CoffeeShop.Web.Security;

/// <summary>
/// Whether a request carries anything authentication could turn into a user: a bearer token, an API key or the
/// sign-in cookie. A request without any of them is anonymous whatever authentication does, so the pipeline can
/// rate-limit it by IP and answer it from the output cache before paying for authentication.
/// </summary>
internal static class RequestCredentials
{
    public const string CookieName = "CoffeeShop.Auth";

    /// <summary>True when the request may be signed in. Errs towards true: a false positive only costs speed.</summary>
    public static bool Present(HttpRequest request)
    {
        var headers = request.Headers;
        if (headers.ContainsKey(HeaderNames.Authorization) || headers.ContainsKey(AuthSchemes.ApiKeyHeader))
        {
            return true;
        }

        foreach (var cookies in headers.Cookie)
        {
            if (cookies is not null && cookies.Contains(CookieName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Absent(HttpContext context) => !Present(context.Request);

    public static bool Present(HttpContext context) => Present(context.Request);
}
