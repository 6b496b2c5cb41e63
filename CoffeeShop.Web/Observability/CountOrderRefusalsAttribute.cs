using CoffeeShop.Domain.Common;
using CoffeeShop.Web.ErrorHandling;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace CoffeeShop.Web.Observability;

/// <summary>
/// Counts an order attempt the shop refused: invalid input (the API's automatic 400, or a form shown again with its
/// messages) or a domain rule (an exception the error handler turns into a 4xx). It runs outside the framework's own
/// model-state filter so that the automatic 400 is seen too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CountOrderRefusalsAttribute : ActionFilterAttribute
{
    public CountOrderRefusalsAttribute(string channel)
    {
        Channel = channel;
        Order = int.MinValue;
    }

    public string Channel { get; }

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        var refused = executed.Exception is DomainException or RequestValidationException
            || executed.Result is IStatusCodeActionResult { StatusCode: >= 400 and < 500 }
            || !context.ModelState.IsValid;
        if (refused)
        {
            ShopMetrics.OrderRefused(Channel);
        }
    }
}
