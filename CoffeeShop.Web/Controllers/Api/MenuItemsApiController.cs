using AutoMapper;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Contracts;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>The versioned menu API: <c>/api/v1/menu-items</c>.</summary>
[Route("api/v1/menu-items")]
[Tags("Menu items")]
public sealed class MenuItemsApiController(MenuService menu, IMapper mapper) : ApiControllerBase
{
    /// <summary>Lists menu items, filtered, sorted and paged.</summary>
    [HttpGet]
    [AllowAnonymous]
    [ProducesResponseType<PagedResponse<MenuItemResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<PagedResponse<MenuItemResponse>> List([FromQuery] MenuItemListRequest request, CancellationToken cancellationToken)
    {
        var page = await menu.ListAsync(request.ToQuery(), cancellationToken);
        return new PagedResponse<MenuItemResponse>(
            mapper.Map<IReadOnlyList<MenuItemResponse>>(page.Items), page.Page, page.PageSize, page.TotalCount);
    }

    /// <summary>Gets one menu item; its ETag answers If-None-Match with 304.</summary>
    [HttpGet("{id:int}", Name = nameof(GetMenuItem))]
    [AllowAnonymous]
    [ProducesResponseType<MenuItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<MenuItemResponse>> GetMenuItem(int id, CancellationToken cancellationToken)
    {
        var item = await menu.GetAsync(id, cancellationToken);
        Response.GetTypedHeaders().ETag = EntityTags.For(item.Version);
        if (EntityTags.IfNoneMatchHits(Request, item.Version))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return mapper.Map<MenuItemResponse>(item);
    }
}
