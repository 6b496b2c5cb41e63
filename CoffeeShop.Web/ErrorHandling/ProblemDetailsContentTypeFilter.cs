using CoffeeShop.Web.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CoffeeShop.Web.ErrorHandling;

/// <summary>
/// Serves problem details that MVC writes (the automatic 400 of [ApiController], client errors) as
/// <c>application/problem+json</c>. A controller's [Produces("application/json")] would otherwise relabel them
/// <c>application/json</c>; this runs after it (a higher order) and puts the problem media type back.
/// </summary>
internal sealed class ProblemDetailsContentTypeFilter : IAlwaysRunResultFilter, IOrderedFilter
{
    public int Order => 1;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: ProblemDetails } result)
        {
            result.ContentTypes.Clear();
            result.ContentTypes.Add(MediaTypes.Problem);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
