using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>
/// What every JSON controller shares: API conventions (400 validation problems as application/problem+json) and no antiforgery
/// check — API routes never read the cookie, so a cross-site page cannot make a request in the user's name.
/// </summary>
[ApiController]
[IgnoreAntiforgeryToken]
public abstract class ApiControllerBase : ControllerBase
{
}
