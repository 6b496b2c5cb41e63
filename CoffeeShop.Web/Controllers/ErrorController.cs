using System.Diagnostics;
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
    public IActionResult Show(int statusCode)
    {
        var code = statusCode is >= 400 and <= 599 ? statusCode : 500;
        Response.StatusCode = code;
        return View("Error", new ErrorViewModel
        {
            StatusCode = code,
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier,
        });
    }
}
