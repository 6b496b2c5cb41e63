using System.Security.Cryptography;
using CoffeeShop.Data;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Web.ErrorHandling;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

namespace CoffeeShop.Web.Startup;

/// <summary>Identity, the three authentication schemes, authorization denied by default, and HTTPS.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddCoffeeShopSecurity(
        this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.SectionName));
        var jwt = JwtSettings(configuration, environment);
        services.Configure<JwtOptions>(o =>
        {
            configuration.GetSection(JwtOptions.SectionName).Bind(o);
            o.SigningKey = jwt.SigningKey;
        });

        services.AddDataProtection().SetApplicationName("CoffeeShop").PersistKeysToCoffeeShopDatabase();

        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.LockoutMaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
            })
            .AddCoffeeShopStores()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = RequestCredentials.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "CoffeeShop.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddScoped<ApiKeyService>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<TokenService>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Selector;
                o.DefaultAuthenticateScheme = AuthSchemes.Selector;
                o.DefaultChallengeScheme = AuthSchemes.Selector;
                o.DefaultForbidScheme = AuthSchemes.Selector;
            })
            .AddPolicyScheme(AuthSchemes.Selector, "Cookie for pages, bearer or API key for the API", o =>
                o.ForwardDefaultSelector = context =>
                    !ApiRequests.IsApi(context) ? IdentityConstants.ApplicationScheme
                    : context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader) ? AuthSchemes.ApiKey
                    : AuthSchemes.Bearer)
            .AddJwtBearer(AuthSchemes.Bearer, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = TokenService.KeyFrom(jwt.SigningKey!),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = TokenClaims.Email,
                    RoleClaimType = TokenClaims.Role,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);

        services.AddAuthorizationBuilder()
            // Denied by default: an endpoint is public only where it says [AllowAnonymous]. Requests that routing
            // did not match (404, 405, 415) are answered before authorization (ApplicationPipeline.AnswerRoutingMisses).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        if (security.RequireHttps)
        {
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = true;
            });
        }

        return services;
    }

    /// <summary>The JWT settings; outside Development a missing or short signing key stops the app with a clear message.</summary>
    private static JwtOptions JwtSettings(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var jwt = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();
        if (!string.IsNullOrEmpty(jwt.SigningKey) && jwt.SigningKey.Length >= JwtOptions.MinimumKeyBytes)
        {
            return jwt;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Jwt:SigningKey is missing or shorter than {JwtOptions.MinimumKeyBytes} characters. Set a random secret of at least " +
                $"{JwtOptions.MinimumKeyBytes} characters in configuration (for example the environment variable Jwt__SigningKey); " +
                "CoffeeShop will not start without it outside Development.");
        }

        // Development only: a fresh random key per run, so no key ever sits in the repository.
        jwt.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        return jwt;
    }
}
