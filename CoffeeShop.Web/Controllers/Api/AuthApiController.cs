using CoffeeShop.Web.Contracts.Auth;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>Exchanges an email and password for a JWT. Shares the sign-in page's lockout counter.</summary>
[Route("api/v1/auth")]
[Tags("Authentication")]
public sealed class AuthApiController(
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    TokenService tokens,
    IOptions<SecurityOptions> security,
    ILogger<AuthApiController> logger) : ApiControllerBase
{
    /// <summary>Issues an access token (JWT) for the account.</summary>
    /// <response code="200">The token, its type and its lifetime in seconds.</response>
    /// <response code="400">The body is missing a field or malformed.</response>
    /// <response code="401">Wrong email or password, or the account is locked after repeated failures.</response>
    /// <response code="429">Too many attempts from this address; see Retry-After.</response>
    [HttpPost("token")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingOptions.SignInPolicy)]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, MediaTypes.Problem)]
    public async Task<ActionResult<TokenResponse>> CreateToken(TokenRequest request)
    {
        var user = await users.FindByEmailAsync(request.Email!);
        if (user is null)
        {
            ShopMetrics.SignInFailed(ShopMetrics.Channels.Api);
            logger.LogWarning("Failed token request for unknown {Email} from {ClientIp}", request.Email, HttpContext.Connection.RemoteIpAddress);
            return Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "That email and password don't match an account.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ShopMetrics.SignInLockedOut(ShopMetrics.Channels.Api);
            logger.LogWarning("Token refused for {Email}: account locked out", request.Email);
            return Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Account locked", detail: Controllers.AccountController.LockoutMessage(security.Value.LockoutMinutes));
        }

        if (!result.Succeeded)
        {
            ShopMetrics.SignInFailed(ShopMetrics.Channels.Api);
            logger.LogWarning("Failed token request for {Email} from {ClientIp}", request.Email, HttpContext.Connection.RemoteIpAddress);
            return Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "That email and password don't match an account.");
        }

        var token = tokens.Issue(user.Id, user.Email!, await users.GetRolesAsync(user));
        return new TokenResponse(token.Token, "Bearer", token.ExpiresIn);
    }
}
