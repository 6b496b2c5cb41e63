using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Compat;
using CoffeeShop.Web.Contracts.Menu;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>
/// The Sample APIs coffee API, route for route: <c>/coffee/hot</c> and <c>/coffee/iced</c> with
/// json-server 0.17 query options, so a client written for it works unchanged.
/// </summary>
[Route("coffee")]
[Tags("Coffee (compatible)")]
public sealed class CoffeeApiController(MenuService menu, IMapper mapper) : ApiControllerBase
{
    /// <summary>Lists a category's drinks (hot or iced). Supports field=value, _gte/_lte/_ne/_like, q, _sort/_order, _page/_limit, _start/_end.</summary>
    [HttpGet("{category}")]
    [OutputCache(PolicyName = MenuCache.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<CoffeeResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> List(string category, CancellationToken cancellationToken)
    {
        var items = await menu.ListCategoryAsync(ParseCategory(category), cancellationToken);
        var coffees = mapper.Map<IReadOnlyList<CoffeeResponse>>(items);
        var result = JsonServerQuery.Apply(coffees, Request.Query);

        Response.Headers["X-Total-Count"] = result.TotalCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers.AccessControlExposeHeaders = "X-Total-Count, Link";
        var link = result.LinkHeader(Request);
        if (link is not null)
        {
            Response.Headers.Link = link;
        }

        return Ok(result.Items);
    }

    /// <summary>Gets one drink of the category by id.</summary>
    [HttpGet("{category}/{id:int}")]
    [OutputCache(PolicyName = MenuCache.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<CoffeeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<CoffeeResponse> Get(string category, int id, CancellationToken cancellationToken)
    {
        var expected = ParseCategory(category);
        var item = await menu.GetAsync(id, cancellationToken);
        return item.Category == expected
            ? mapper.Map<CoffeeResponse>(item)
            : throw NotFoundException.For($"{category} coffee", id);
    }

    private static MenuCategory ParseCategory(string category) =>
        MenuCategories.TryParse(category, out var parsed) && category == parsed.ToSlug()
            ? parsed
            : throw new NotFoundException($"There is no coffee category '{category}'; use hot or iced.");
}
