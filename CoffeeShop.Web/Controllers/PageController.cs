using CoffeeShop.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CoffeeShop.Web.Controllers;

/// <summary>
/// The base of every page controller: the one mapping of a missing thing to the not-found page, and the one way to
/// leave a message for the next page (<c>Views/Shared/_Flash.cshtml</c>, drawn by the layout).
/// </summary>
public abstract class PageController : Controller
{
    /// <summary>The TempData key of a confirmation shown on the next page.</summary>
    public const string MessageKey = "Message";

    /// <summary>The TempData key of a warning shown on the next page (a change refused).</summary>
    public const string WarningKey = "Warning";

    /// <summary>A <see cref="NotFoundException"/> from any action is the 404 page, as an unknown address is.</summary>
    public override void OnActionExecuted(ActionExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is NotFoundException && !context.ExceptionHandled)
        {
            context.Result = NotFound();
            context.ExceptionHandled = true;
        }

        base.OnActionExecuted(context);
    }

    /// <summary>Shows <paramref name="message"/> on the next page drawn (after a redirect).</summary>
    protected void Flash(string message) => TempData[MessageKey] = message;

    /// <summary>Shows <paramref name="message"/> as a warning on the next page drawn.</summary>
    protected void FlashWarning(string message) => TempData[WarningKey] = message;
}
