using System.Diagnostics;
using System.Globalization;
using CoffeeShop.Web.Models.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CoffeeShop.Web.Controllers;

/// <summary>
/// Friendly error pages for people; they name the trace id and nothing else about the failure. A failed form
/// post is re-executed here as a POST, so no antiforgery check: these pages change nothing.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[DisableRateLimiting]
[ApiExplorerSettings(IgnoreApi = true)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorController : Controller
{
    [Route("error/{statusCode:int}")]
    public IActionResult Show()
    {
        // Read from the route, not bound: binding would read the form of the request being re-executed, which may be
        // the very body refused for its size.
        var statusCode = int.TryParse(RouteData.Values["statusCode"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 500;
        var code = statusCode is >= 400 and <= 599 ? statusCode : 500;
        Response.StatusCode = code;
        return View("Error", new ErrorViewModel
        {
            StatusCode = code,
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier,
        });
    }
}
