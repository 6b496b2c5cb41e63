using AutoMapper;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Web.Contracts.ApiKeys;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>API keys for programs (Admin): created once, stored hashed, scoped to a role, revocable.</summary>
[Route("api/v1/api-keys")]
[Authorize(Roles = AppRoles.Admin)]
[Tags("API keys")]
public sealed class ApiKeysApiController(ApiKeyService apiKeys, ApiKeyCache cache, IMapper mapper, ILogger<ApiKeysApiController> logger) : ApiControllerBase
{
    /// <summary>Lists every key, live and revoked.</summary>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ApiKeyResponse>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<ApiKeyResponse>> List(CancellationToken cancellationToken) =>
        mapper.Map<IReadOnlyList<ApiKeyResponse>>(await apiKeys.ListAsync(cancellationToken));

    /// <summary>One key, live or revoked, without its secret.</summary>
    [HttpGet("{id:int}")]
    [ProducesResponseType<ApiKeyResponse>(StatusCodes.Status200OK)]
    public async Task<ApiKeyResponse> Get(int id, CancellationToken cancellationToken) =>
        mapper.Map<ApiKeyResponse>(await apiKeys.GetAsync(id, cancellationToken));

    /// <summary>Creates a key. The response holds the key itself: store it now, it is never shown again.</summary>
    [HttpPost]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<CreatedApiKeyResponse>(StatusCodes.Status201Created)]
    public async Task<ActionResult<CreatedApiKeyResponse>> Create(CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var issued = await apiKeys.CreateAsync(request.Name!, AppRoles.Named(request.Role)!, User.Identity?.Name, cancellationToken);
        logger.LogWarning("API key {ApiKeyId} ({ApiKeyName}, role {Role}) created by {UserName}", issued.Key.Id, issued.Key.Name, issued.Key.Role, User.Identity?.Name);
        return CreatedAtAction(nameof(Get), new { id = issued.Key.Id }, mapper.Map<CreatedApiKeyResponse>(issued));
    }

    /// <summary>Revokes a key at once; requests that send it get 401 from then on.</summary>
    [HttpDelete("{id:int}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Revoke(int id, CancellationToken cancellationToken)
    {
        var key = await apiKeys.RevokeAsync(id, cancellationToken);
        cache.Clear();
        logger.LogWarning("API key {ApiKeyId} ({ApiKeyName}) revoked by {UserName}", key.Id, key.Name, User.Identity?.Name);
        return NoContent();
    }
}
