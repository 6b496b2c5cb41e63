using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>
/// The API believes a bearer token only when this host signed it (HMAC-SHA256, its own key), for this issuer and
/// audience, and within its lifetime; and never believes the site's cookie.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class BearerTokenTests : IntegrationTestBase
{
    /// <summary>An Admin-only API route: a believed Admin token gets 200, anything else 401.</summary>
    private const string AdminRoute = "/api/v1/api-keys";

    private JwtOptions _jwt = null!;

    [OneTimeSetUp]
    public void ReadHostSettings() => _jwt = Factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value;

    [Test]
    public async Task TokenEndpoint_RightPassword_ReturnsBearerTokenWithItsLifetime()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);

        using var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = CoffeeShopWebFactory.DefaultPassword });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("tokenType").GetString(), Is.EqualTo("Bearer"));
            Assert.That(body.GetProperty("expiresIn").GetInt32(), Is.EqualTo(_jwt.AccessTokenMinutes * 60));
            Assert.That(body.GetProperty("accessToken").GetString()!.Split('.'), Has.Length.EqualTo(3), "a signed JWT has three parts");
        }
    }

    [TestCase("wrong-password")]
    [TestCase("unknown-account")]
    public async Task TokenEndpoint_BadCredentials_Returns401ProblemThatDoesNotSayWhichPartWasWrong(string scenario)
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        var credentials = scenario == "wrong-password"
            ? new { email, password = "Not-the-Passw0rd" }
            : new { email = "nobody-" + email, password = CoffeeShopWebFactory.DefaultPassword };

        using var response = await Client.PostAsJsonAsync("/api/v1/auth/token", credentials);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(problem.Detail, Is.EqualTo("That email and password don't match an account."));
    }

    [Test]
    public async Task IssuedToken_Admin_IsAccepted()
    {
        using var client = await Factory.CreateClientAsAsync(AppRoles.Admin);

        using var response = await client.GetAsync(AdminRoute);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task CraftedToken_HostKeyIssuerAndAudience_IsAccepted()
    {
        // The control for the tests below: the crafting itself is sound, so each of them fails only for the one thing it changes.
        using var client = Factory.CreateClientWithToken(Craft());

        using var response = await client.GetAsync(AdminRoute);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Token_TamperedSignature_Returns401BearerProblem()
    {
        var token = await AdminTokenAsync();
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';

        await AssertRejectedAsync($"{parts[0]}.{parts[1]}.{new string(signature)}");
    }

    [Test]
    public async Task Token_TamperedPayload_Returns401BearerProblem()
    {
        // A customer's token with its role rewritten to Admin, the signature left as it was.
        using var anonymous = Factory.CreateClient();
        var token = await CoffeeShopWebFactory.GetTokenAsync(anonymous, await Factory.CreateUserAsync(AppRoles.Customer));
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"Customer\"", "\"Admin\"", StringComparison.Ordinal);

        await AssertRejectedAsync($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}");
    }

    [Test]
    public async Task Token_Expired_Returns401BearerProblem()
    {
        var now = DateTime.UtcNow;

        // Expired five minutes ago: well past the 30 seconds of clock skew the host allows.
        await AssertRejectedAsync(Craft(d =>
        {
            d.IssuedAt = now.AddMinutes(-65);
            d.NotBefore = now.AddMinutes(-65);
            d.Expires = now.AddMinutes(-5);
        }));
    }

    [Test]
    public async Task Token_WrongIssuer_Returns401BearerProblem() =>
        await AssertRejectedAsync(Craft(d => d.Issuer = "https://issuer.example"));

    [Test]
    public async Task Token_WrongAudience_Returns401BearerProblem() =>
        await AssertRejectedAsync(Craft(d => d.Audience = "SomeOtherApi"));

    [Test]
    public async Task Token_SignedWithAnotherKey_Returns401BearerProblem() =>
        await AssertRejectedAsync(Craft(d => d.SigningCredentials = new SigningCredentials(
            TokenService.KeyFrom(new string('k', JwtOptions.MinimumKeyBytes)), SecurityAlgorithms.HmacSha256)));

    [Test]
    public async Task Token_AlgNone_Returns401BearerProblem()
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = _jwt.Issuer,
            ["aud"] = _jwt.Audience,
            ["sub"] = "attacker",
            ["email"] = "attacker@example.com",
            ["role"] = AppRoles.Admin,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        }));

        await AssertRejectedAsync($"{header}.{payload}.");
    }

    [Test]
    public async Task Token_Garbage_Returns401BearerProblem() =>
        await AssertRejectedAsync("not-a-jwt");

    [Test]
    public async Task SiteCookie_OnApiRoute_DoesNotAuthenticate()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Admin);
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        await browser.SignInSuccessfullyAsync(email);
        using var page = await browser.GetAsync("/admin/api-keys");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie is good on the site");

        using var api = await browser.GetAsync(AdminRoute);

        await api.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<string> AdminTokenAsync()
    {
        using var anonymous = Factory.CreateClient();
        return await CoffeeShopWebFactory.GetTokenAsync(anonymous, await Factory.CreateUserAsync(AppRoles.Admin));
    }

    /// <summary>An Admin token made the way the host makes them, with its key; <paramref name="change"/> spoils one thing.</summary>
    private string Craft(Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _jwt.Issuer,
            Audience = _jwt.Audience,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, Guid.NewGuid().ToString()),
                new Claim(JwtRegisteredClaimNames.Email, "crafted@test.local"),
                new Claim(TokenClaims.Role, AppRoles.Admin),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(TokenService.KeyFrom(_jwt.SigningKey!), SecurityAlgorithms.HmacSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private async Task AssertRejectedAsync(string token)
    {
        using var client = Factory.CreateClientWithToken(token);

        using var response = await client.GetAsync(AdminRoute);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"), "WWW-Authenticate: Bearer");
    }
}
