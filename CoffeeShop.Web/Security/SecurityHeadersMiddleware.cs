namespace CoffeeShop.Web.Security;

/// <summary>
/// Security headers on every response. The site's pages get a CSP with no 'unsafe-inline'; the two
/// third-party documentation UIs (/docs, /redoc) need inline script and style, so they get a looser one;
/// it still allows nothing from another host.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string SiteCsp =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DocsCsp =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "worker-src 'self' blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// GraphiQL (/graphql/ui): scripts from this site only and no inline script, but its React components inject
    /// style elements and its stylesheet embeds its fonts as data: URLs.
    /// </summary>
    public const string GraphiQLCsp =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/docs") || path.StartsWithSegments("/redoc") ? DocsCsp
                : path.StartsWithSegments("/graphql/ui") ? GraphiQLCsp
                : SiteCsp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
