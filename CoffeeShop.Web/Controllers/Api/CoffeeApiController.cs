using System.Text.Json;
using System.Text.Json.Nodes;
using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Compat;
using CoffeeShop.Web.Contracts;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.ErrorHandling;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.Shop;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>
/// The Sample APIs coffee API, route for route: <c>/coffee/hot</c> and <c>/coffee/iced</c> with
/// json-server 0.17 query options, so a client written for it works unchanged. Writes are for admins and
/// go through the same <see cref="MenuService"/> as the versioned API.
/// </summary>
[Route("coffee")]
[Tags("Coffee (compatible)")]
public sealed class CoffeeApiController(MenuService menu, IMapper mapper, IOptions<ShopOptions> shop) : ApiControllerBase
{
    /// <summary>Lists a category's drinks (hot or iced). Supports field=value, _gte/_lte/_ne/_like, q, _sort/_order, _page/_limit, _start/_end.</summary>
    [HttpGet("{category}")]
    [OutputCache(PolicyName = MenuCache.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<CoffeeResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, MediaTypes.Problem)]
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
    [HttpGet("{category}/{id:int}", Name = nameof(GetCoffee))]
    [OutputCache(PolicyName = MenuCache.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<CoffeeResponse>(StatusCodes.Status200OK)]
    public async Task<CoffeeResponse> GetCoffee(string category, int id, CancellationToken cancellationToken) =>
        mapper.Map<CoffeeResponse>(await GetInCategoryAsync(category, id, cancellationToken));

    /// <summary>
    /// Adds a drink to the category. title, description, ingredients and image must all be sent (image may be
    /// null); the price is the shop's default (<c>Shop:DefaultPrice</c>) and the drink is available at once.
    /// </summary>
    [HttpPost("{category}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<CoffeeResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<ActionResult<CoffeeResponse>> Create(string category, [FromBody] CoffeeRequest request, CancellationToken cancellationToken)
    {
        var parsed = ParseCategory(category);
        var item = await menu.CreateAsync(request.ToNewDetails(parsed, shop.Value.DefaultPrice), cancellationToken);
        return CreatedAtRoute(nameof(GetCoffee), new { category = parsed.ToSlug(), id = item.Id }, mapper.Map<CoffeeResponse>(item));
    }

    /// <summary>
    /// Replaces the drink's title, description, ingredients and image; all four must be sent (image may be null).
    /// Its id, category, price and availability are kept.
    /// </summary>
    [HttpPut("{category}/{id:int}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<CoffeeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<CoffeeResponse> Replace(string category, int id, [FromBody] CoffeeRequest request, CancellationToken cancellationToken)
    {
        var item = await GetInCategoryAsync(category, id, cancellationToken);
        return await SaveAsync(item, request, cancellationToken);
    }

    /// <summary>
    /// Changes some of the drink's four fields: send at least one of title, description, ingredients, image;
    /// other fields are ignored. application/json and application/merge-patch+json (null clears image).
    /// </summary>
    [HttpPatch("{category}/{id:int}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.Json, MediaTypes.MergePatch)]
    [ProducesResponseType<CoffeeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<CoffeeResponse> Patch(string category, int id, [FromBody] JsonElement patch, CancellationToken cancellationToken)
    {
        var item = await GetInCategoryAsync(category, id, cancellationToken);
        var noChange = $"A patch must change at least one of {string.Join(", ", CoffeeRequest.Fields)}.";
        var known = new JsonObject();
        foreach (var (key, value) in MergePatchObject(patch, noChange))
        {
            if (CoffeeRequest.Fields.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                known[key] = value?.DeepClone();
            }
        }

        if (known.Count == 0)
        {
            throw new RequestValidationException("body", noChange);
        }

        var merged = JsonMergePatch.Apply(RequestJson.ToJson(CoffeeRequest.From(item)), known)!.AsObject();
        var request = ReadValidated<CoffeeRequest>(merged);
        return await SaveAsync(item, request, cancellationToken);
    }

    /// <summary>Takes the drink off the menu for good and answers <c>{}</c>, as json-server does. Past orders keep their copy.</summary>
    [HttpDelete("{category}/{id:int}")]
    [Authorize(Roles = AppRoles.Admin)]
    [ProducesResponseType<EmptyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<EmptyResponse> Delete(string category, int id, CancellationToken cancellationToken)
    {
        var item = await GetInCategoryAsync(category, id, cancellationToken);
        await menu.DeleteAsync(id, item.Version, cancellationToken);
        return EmptyResponse.Instance;
    }

    /// <summary>
    /// Saves the four fields over the item as read. Passing the version read means a change made meanwhile
    /// (to the price, say) is never silently overwritten: it is a 412 instead.
    /// </summary>
    private async Task<CoffeeResponse> SaveAsync(MenuItem item, CoffeeRequest request, CancellationToken cancellationToken)
    {
        var saved = await menu.ReplaceAsync(item.Id, request.ToReplacement(item.Details), item.Version, cancellationToken);
        return mapper.Map<CoffeeResponse>(saved);
    }

    /// <summary>The item, when it exists and belongs to the category; an id of the other category is as unknown as any.</summary>
    private async Task<MenuItem> GetInCategoryAsync(string category, int id, CancellationToken cancellationToken)
    {
        var expected = ParseCategory(category);
        var item = await menu.GetAsync(id, cancellationToken);
        return item.Category == expected ? item : throw NotFoundException.For($"{category} coffee", id);
    }

    private static MenuCategory ParseCategory(string category) =>
        MenuCategories.TryParse(category, out var parsed) && category == parsed.ToSlug()
            ? parsed
            : throw new NotFoundException($"There is no coffee category '{category}'; use hot or iced.");
}
