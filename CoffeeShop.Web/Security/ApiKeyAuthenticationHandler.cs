using System.Security.Claims;
using System.Text.Encodings.Web;
using CoffeeShop.Domain.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoffeeShop.Web.Security;

/// <summary>Authenticates <c>X-Api-Key</c>: the caller acts as the key, with the key's role.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyService apiKeys,
    ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var presented))
        {
            return AuthenticateResult.NoResult();
        }

        var plain = presented.ToString();
        if (!cache.TryGet(plain, out var key))
        {
            var check = await apiKeys.AuthenticateAsync(plain, Context.RequestAborted);
            if (!check.Succeeded)
            {
                Logger.LogWarning("Rejected an invalid or revoked API key from {ClientIp}", Context.Connection.RemoteIpAddress);
                return AuthenticateResult.Fail("Invalid API key.");
            }

            if (check.FirstUse)
            {
                Logger.LogWarning("API key {ApiKeyId} ({ApiKeyName}) was used for the first time from {ClientIp}", check.Key!.Id, check.Key.Name, Context.Connection.RemoteIpAddress);
            }

            key = new CachedApiKey(check.Key!.Id, check.Key.Name, check.Key.Role);
            cache.Remember(plain, key);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(TokenClaims.Subject, ApiKeyPrincipal.SubjectFor(key.Id)),
                new Claim(ClaimTypes.Name, $"api-key:{key.Name}"),
                new Claim(TokenClaims.Role, key.Role),
            ],
            AuthSchemes.ApiKey,
            ClaimTypes.Name,
            TokenClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AuthSchemes.ApiKey));
    }

    /// <summary>A 401 names the scheme it wants (RFC 9110 requires a challenge), as the bearer scheme's does.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.Append(HeaderNames.WWWAuthenticate, $"ApiKey header=\"{AuthSchemes.ApiKeyHeader}\"");
        return base.HandleChallengeAsync(properties);
    }
}

/// <summary>How a key appears as a caller: its subject is <c>api-key:{id}</c>, never a user id.</summary>
public static class ApiKeyPrincipal
{
    public const string SubjectPrefix = "api-key:";

    public static string SubjectFor(int keyId) => SubjectPrefix + keyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
