using CoffeeShop.Web.Models.Account;
using CoffeeShop.Web.Models.Common;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Controllers;

/// <summary>Register, sign in and sign out, with Identity's cookie. Lockout is explained, not hidden.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    IOptions<SecurityOptions> security,
    ILogger<AccountController> logger) : PageController
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingOptions.SignInPolicy)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(model.Email, model.Password, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            ShopMetrics.SignInLockedOut(ShopMetrics.Channels.Web);
            logger.LogWarning("Sign-in refused for {Email}: account locked out", model.Email);
            ModelState.AddModelError(string.Empty, LockoutMessage(security.Value.LockoutMinutes));
        }
        else
        {
            ShopMetrics.SignInFailed(ShopMetrics.Channels.Web);
            logger.LogWarning("Failed sign-in for {Email} from {ClientIp}", model.Email, HttpContext.Connection.RemoteIpAddress);
            ModelState.AddModelError(string.Empty, "That email and password don't match an account.");
        }

        return View(model);
    }

    [HttpGet("register")]
    [AllowAnonymous]
    public IActionResult Register(string? returnUrl) => View(new RegisterViewModel { ReturnUrl = returnUrl });

    [HttpPost("register")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingOptions.SignInPolicy)]
    public async Task<IActionResult> Register(RegisterViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = new IdentityUser { UserName = model.Email, Email = model.Email };
        var created = await users.CreateAsync(user, model.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(model.Password)
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(model.Email)
                    : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }

            return View(model);
        }

        await users.AddToRoleAsync(user, AppRoles.Customer);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
    }

    [HttpGet("logout")]
    [AllowAnonymous]
    public IActionResult Logout() => View();

    [HttpPost("logout")]
    [AllowAnonymous]
    public async Task<IActionResult> LogoutConfirmed()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Views/Error/Error.cshtml", new ErrorViewModel { StatusCode = 403, TraceId = HttpContext.TraceIdentifier });
    }

    public static string LockoutMessage(int minutes) =>
        $"This account is locked after too many failed sign-in attempts. Try again in {minutes} minutes.";

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
