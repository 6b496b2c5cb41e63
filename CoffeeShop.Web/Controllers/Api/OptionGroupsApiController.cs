using System.Text.Json;
using AutoMapper;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Contracts.Options;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>
/// The shared option groups (milk, extra shots, syrups): <c>/api/v1/option-groups</c>, on the menu items' rules. Reads
/// are public and served from the menu's output cache; writes are for admins, take If-Match, and evict the menu's copies
/// (the service tells the menu's notifier), so items show a changed group at once.
/// </summary>
[Route("api/v1/option-groups")]
[Tags("Option groups")]
public sealed class OptionGroupsApiController(OptionGroupService optionGroups, IMapper mapper) : ApiControllerBase
{
    /// <summary>Lists every option group with its options, in creation order.</summary>
    [HttpGet]
    [OutputCache(PolicyName = MenuCache.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<OptionGroupResponse>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<OptionGroupResponse>> List(CancellationToken cancellationToken) =>
        mapper.Map<IReadOnlyList<OptionGroupResponse>>(await optionGroups.ListAsync(cancellationToken));

    /// <summary>Gets one option group; its ETag answers If-None-Match with 304.</summary>
    [HttpGet("{code}", Name = nameof(GetOptionGroup))]
    [OutputCache(PolicyName = MenuCache.Policy)]
    [AllowAnonymous]
    [ProducesResponseType<OptionGroupResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public async Task<ActionResult<OptionGroupResponse>> GetOptionGroup(string code, CancellationToken cancellationToken)
    {
        var group = await optionGroups.GetAsync(code, cancellationToken);
        return await this.ReadAsync(group.Version, () => Task.FromResult(mapper.Map<OptionGroupResponse>(group)));
    }

    /// <summary>Adds an option group. Its code, and each option's code, must be new (409 otherwise).</summary>
    [HttpPost]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<OptionGroupResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<ActionResult<OptionGroupResponse>> Create([FromBody] CreateOptionGroupRequest request, CancellationToken cancellationToken)
    {
        var group = await optionGroups.CreateAsync(request.Code, request.ToDetails(), cancellationToken);
        return CreatedAtRoute(nameof(GetOptionGroup), new { code = group.Code }, Written(group));
    }

    /// <summary>Replaces everything but the code. Leaving a field out is a 400 naming it.</summary>
    [HttpPut("{code}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<OptionGroupResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<OptionGroupResponse> Replace(string code, [FromBody] OptionGroupRequest request, CancellationToken cancellationToken) =>
        Written(await optionGroups.ReplaceAsync(code, request.ToDetails(), EntityTags.ExpectedVersion(Request), cancellationToken));

    /// <summary>Changes some fields (RFC 7396 merge patch: send only what changes; an options array replaces the whole list).</summary>
    [HttpPatch("{code}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.MergePatch)]
    [ProducesResponseType<OptionGroupResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<OptionGroupResponse> MergePatch(string code, [FromBody] JsonElement patch, CancellationToken cancellationToken)
    {
        var changes = MergePatchObject(patch, "A merge patch must change at least one field.");
        var (group, expected) = await LoadForPatchAsync(code, cancellationToken);
        var request = ApplyMergePatch(changes, OptionGroupRequest.From(group));
        return Written(await optionGroups.ReplaceAsync(code, request.ToDetails(), expected, cancellationToken));
    }

    /// <summary>Changes the group with RFC 6902 operations (e.g. replace /options/2/isAvailable), checked after applying.</summary>
    [HttpPatch("{code}")]
    [Authorize(Roles = AppRoles.Admin)]
    [Consumes(MediaTypes.JsonPatch)]
    [ProducesResponseType<OptionGroupResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<OptionGroupResponse> JsonPatch(string code, [FromBody] JsonPatchDocument<OptionGroupRequest>? patch, CancellationToken cancellationToken)
    {
        var operations = RequireOperations(patch);
        var (group, expected) = await LoadForPatchAsync(code, cancellationToken);
        var request = ApplyJsonPatch(operations, OptionGroupRequest.From(group));
        return Written(await optionGroups.ReplaceAsync(code, request.ToDetails(), expected, cancellationToken));
    }

    /// <summary>Deletes a group no menu item offers (409 while one does). Past orders keep their own copy of the options they took.</summary>
    [HttpDelete("{code}")]
    [Authorize(Roles = AppRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, MediaTypes.Problem)]
    public async Task<IActionResult> Delete(string code, CancellationToken cancellationToken)
    {
        await optionGroups.DeleteAsync(code, EntityTags.ExpectedVersion(Request), cancellationToken);
        return NoContent();
    }

    /// <summary>The group a patch starts from, and the version it must still have when saved (If-Match, else the one read).</summary>
    private async Task<(OptionGroup Group, int Expected)> LoadForPatchAsync(string code, CancellationToken cancellationToken)
    {
        var group = await optionGroups.GetAsync(code, cancellationToken);
        return (group, EntityTags.ExpectedVersion(Request) ?? group.Version);
    }

    private OptionGroupResponse Written(OptionGroup group) => this.Written(group.Version, mapper.Map<OptionGroupResponse>(group));
}
