using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoffeeShop.Tests.Unit.Web.Security;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class TokenServiceTests
{
    private const string SigningKey = "unit-test-signing-key-of-at-least-32-characters";

    private TestClock _clock = null!;
    private JwtOptions _options = null!;
    private TokenService _service = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new TestClock();
        _options = new JwtOptions { Issuer = "CoffeeShop.Test", Audience = "CoffeeShop.Test.Api", SigningKey = SigningKey, AccessTokenMinutes = 20 };
        _service = new TokenService(Options.Create(_options), _clock);
    }

    [Test]
    public void Issue_Claims_CarryTheUserIdEmailAndEveryRole()
    {
        var token = Read(_service.Issue("user-1", "ann@test.local", ["Barista", "Admin"]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Subject, Is.EqualTo("user-1"));
            Assert.That(token.GetClaim(JwtRegisteredClaimNames.Email).Value, Is.EqualTo("ann@test.local"));
            Assert.That(token.Claims.Where(c => c.Type == TokenClaims.Role).Select(c => c.Value), Is.EquivalentTo(new[] { "Barista", "Admin" }));
            Assert.That(token.Id, Is.Not.Empty, "a jti");
        }
    }

    [Test]
    public void Issue_NoRoles_CarriesNoRoleClaim()
    {
        var token = Read(_service.Issue("user-1", "ann@test.local", []));

        Assert.That(token.Claims.Where(c => c.Type == TokenClaims.Role), Is.Empty);
    }

    [Test]
    public void Issue_IssuerAndAudience_ComeFromOptions()
    {
        var token = Read(_service.Issue("user-1", "ann@test.local", ["Customer"]));

        Assert.That(token.Issuer, Is.EqualTo("CoffeeShop.Test"));
        Assert.That(token.Audiences, Is.EqualTo(new[] { "CoffeeShop.Test.Api" }));
    }

    [Test]
    public void Issue_Lifetime_StartsAtTheClockAndLastsTheConfiguredMinutes()
    {
        _clock.Advance(TimeSpan.FromHours(5));

        var issued = _service.Issue("user-1", "ann@test.local", ["Customer"]);
        var token = Read(issued);

        var now = TestClock.DefaultStart.AddHours(5).UtcDateTime;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.IssuedAt, Is.EqualTo(now));
            Assert.That(token.ValidFrom, Is.EqualTo(now));
            Assert.That(token.ValidTo, Is.EqualTo(now.AddMinutes(20)));
            Assert.That(issued.ExpiresIn, Is.EqualTo(20 * 60));
        }
    }

    [Test]
    public void Issue_TwoTokens_HaveDifferentIds()
    {
        var first = Read(_service.Issue("user-1", "ann@test.local", ["Customer"]));
        var second = Read(_service.Issue("user-1", "ann@test.local", ["Customer"]));

        Assert.That(first.Id, Is.Not.EqualTo(second.Id));
    }

    [Test]
    public async Task Issue_Signature_IsHs256WithTheConfiguredKey()
    {
        var issued = _service.Issue("user-1", "ann@test.local", ["Customer"]);

        var withKey = await ValidateAsync(issued.Token, SigningKey);
        var withOtherKey = await ValidateAsync(issued.Token, new string('x', 48));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read(issued).Alg, Is.EqualTo(SecurityAlgorithms.HmacSha256));
            Assert.That(withKey.IsValid, Is.True, withKey.Exception?.Message);
            Assert.That(withOtherKey.IsValid, Is.False);
        }
    }

    private static JsonWebToken Read(AccessToken issued) => new(issued.Token);

    private Task<TokenValidationResult> ValidateAsync(string token, string key) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = TokenService.KeyFrom(key),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],

            // The test clock is not the wall clock; lifetime is checked above against the clock itself.
            ValidateLifetime = false,
        });
}
