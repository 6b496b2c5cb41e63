using AutoMapper;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Domain.Common;
using CoffeeShop.Web.Contracts.ApiKeys;
using CoffeeShop.Web.Models.Admin;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers;

/// <summary>The admin page for API keys: the same service as <c>/api/v1/api-keys</c>.</summary>
[Route("admin/api-keys")]
[Authorize(Roles = AppRoles.Admin)]
public sealed class AdminApiKeysController(ApiKeyService apiKeys, ApiKeyCache cache, IMapper mapper, ILogger<AdminApiKeysController> logger) : PageController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(new NewApiKeyForm(), null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] NewApiKeyForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(form, null, cancellationToken));
        }

        var issued = await apiKeys.CreateAsync(form.Name!, form.Role!, User.Identity?.Name, cancellationToken);
        logger.LogWarning("API key {ApiKeyId} ({ApiKeyName}, role {Role}) created by {UserName}", issued.Key.Id, issued.Key.Name, issued.Key.Role, User.Identity?.Name);

        // Shown on this response only; no redirect, so the key never travels in a URL or TempData.
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), await PageAsync(new NewApiKeyForm(), issued.PlainKey, cancellationToken));
    }

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, CancellationToken cancellationToken)
    {
        var key = await apiKeys.RevokeAsync(id, cancellationToken);
        cache.Clear();
        logger.LogWarning("API key {ApiKeyId} ({ApiKeyName}) revoked by {UserName}", key.Id, key.Name, User.Identity?.Name);
        Flash($"The key \"{key.Name}\" was revoked.");

        return RedirectToAction(nameof(Index));
    }

    private async Task<ApiKeysPageViewModel> PageAsync(NewApiKeyForm form, string? createdKey, CancellationToken cancellationToken) => new()
    {
        Keys = mapper.Map<IReadOnlyList<ApiKeyResponse>>(await apiKeys.ListAsync(cancellationToken)),
        Form = form,
        CreatedKey = createdKey,
    };
}
