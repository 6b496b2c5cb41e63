using System.Text.Json;
using AutoMapper;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Contracts;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>
/// The versioned menu API: <c>/api/v1/menu-items</c>. Reads are public; writes are for admins and take
/// If-Match, so a client cannot overwrite a change it has not seen. Every item shows its sizes and the option groups
/// it offers, resolved through one option catalog per request.
/// </summary>
[Route("api/v1/menu-items")]
[Tags("Menu items")]
public sealed class MenuItemsApiController(MenuService menu, OptionGroupService optionGroups, IMapper mapper) : ApiControllerBase
{
    /// <summary>Lists menu items, filtered, sorted and paged.</summary>
    [HttpGet]
    [OutputCache(PolicyName = MenuCache.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<PagedResponse<MenuItemResponse>>(StatusCodes.Status200OK)]
    public async Task<PagedResponse<MenuItemResponse>> List([FromQuery] MenuItemListRequest request, CancellationToken cancellationToken)
    {
        var page = await menu.ListAsync(request.ToQuery(), cancellationToken);
        var catalog = await optionGroups.CatalogAsync(cancellationToken);
        return new PagedResponse<MenuItemResponse>(
            [.. page.Items.Select(item => mapper.ToMenuItemResponse(item, catalog))], page.Page, page.PageSize, page.TotalCount);
    }

    /// <summary>Gets one menu item; its ETag answers If-None-Match with 304.</summary>
    [HttpGet("{id:int}", Name = nameof(GetMenuItem))]
    [OutputCache(PolicyName = MenuCache.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<MenuItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<MenuItemResponse>> GetMenuItem(int id, CancellationToken cancellationToken)
    {
        var item = await menu.GetAsync(id, cancellationToken);
        var catalog = await optionGroups.CatalogAsync(cancellationToken);
        return await this.ReadAsync(item.Version, () => Task.FromResult(mapper.ToMenuItemResponse(item, catalog)), GroupsState(item, catalog));
    }

    /// <summary>Adds a drink to the menu. image and isAvailable may be left out.</summary>
    [HttpPost]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<MenuItemResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<ActionResult<MenuItemResponse>> Create([FromBody] CreateMenuItemRequest request, CancellationToken cancellationToken)
    {
        var item = await menu.CreateAsync(request.ToDetails(), cancellationToken);
        return CreatedAtRoute(nameof(GetMenuItem), new { id = item.Id }, await WrittenAsync(item, cancellationToken));
    }

    /// <summary>Replaces every field of the item. Leaving a field out is a 400 naming it (send image: null to clear the picture).</summary>
    [HttpPut("{id:int}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<MenuItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<ActionResult<MenuItemResponse>> Replace(int id, [FromBody] ReplaceMenuItemRequest request, CancellationToken cancellationToken)
    {
        return await WrittenAsync(await menu.ReplaceAsync(id, request.ToDetails(), EntityTags.ExpectedVersion(Request), cancellationToken), cancellationToken);
    }

    /// <summary>Changes some fields (RFC 7396 merge patch: send only what changes; null clears image).</summary>
    [HttpPatch("{id:int}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.MergePatch)]
    [ProducesResponseType<MenuItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<ActionResult<MenuItemResponse>> MergePatch(int id, [FromBody] JsonElement patch, CancellationToken cancellationToken)
    {
        var changes = MergePatchObject(patch, "A merge patch must change at least one field.");
        var (item, expected) = await LoadForPatchAsync(id, cancellationToken);
        var request = ApplyMergePatch(changes, ReplaceMenuItemRequest.From(item)).AsChangeOf(item);
        return await WrittenAsync(await menu.ReplaceAsync(id, request.ToDetails(), expected, cancellationToken), cancellationToken);
    }

    /// <summary>Changes the item with RFC 6902 operations (add, remove, replace, move, copy, test), checked after applying.</summary>
    [HttpPatch("{id:int}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.JsonPatch)]
    [ProducesResponseType<MenuItemResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<ActionResult<MenuItemResponse>> JsonPatch(int id, [FromBody] JsonPatchDocument<ReplaceMenuItemRequest>? patch, CancellationToken cancellationToken)
    {
        var operations = RequireOperations(patch);
        var (item, expected) = await LoadForPatchAsync(id, cancellationToken);
        var request = ApplyJsonPatch(operations, ReplaceMenuItemRequest.From(item)).AsChangeOf(item);
        return await WrittenAsync(await menu.ReplaceAsync(id, request.ToDetails(), expected, cancellationToken), cancellationToken);
    }

    /// <summary>Takes the item off the menu for good. Past orders keep their own copy of its title and price.</summary>
    [HttpDelete("{id:int}")]
    [Authorize(Roles = AppRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        await menu.DeleteAsync(id, EntityTags.ExpectedVersion(Request), cancellationToken);
        return NoContent();
    }

    /// <summary>The item a patch starts from, and the version it must still have when saved (If-Match, else the one read).</summary>
    private async Task<(MenuItem Item, int Expected)> LoadForPatchAsync(int id, CancellationToken cancellationToken)
    {
        var item = await menu.GetAsync(id, cancellationToken);
        return (item, EntityTags.ExpectedVersion(Request) ?? item.Version);
    }

    private async Task<MenuItemResponse> WrittenAsync(MenuItem item, CancellationToken cancellationToken)
    {
        var catalog = await optionGroups.CatalogAsync(cancellationToken);
        return this.Written(item.Version, mapper.ToMenuItemResponse(item, catalog), GroupsState(item, catalog));
    }

    /// <summary>
    /// The state of the groups an item shows, for its ETag: the sum of their versions, which every change to one of them
    /// raises (a group an item offers cannot be deleted); null when it offers none, so its ETag stays its version.
    /// </summary>
    private static int? GroupsState(MenuItem item, OptionCatalog catalog) =>
        catalog.For(item) is { Count: > 0 } groups ? groups.Sum(g => g.Version) : null;
}
