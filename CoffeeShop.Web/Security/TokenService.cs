using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoffeeShop.Web.Security;

/// <summary>Issues the API's access tokens: HMAC-SHA256 JWTs with the user's id, email and roles.</summary>
public sealed class TokenService(IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public static SymmetricSecurityKey KeyFrom(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public AccessToken Issue(string userId, string email, IEnumerable<string> roles)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(jwt.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, userId),
            new(JwtRegisteredClaimNames.Email, email),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(roles.Select(r => new Claim(TokenClaims.Role, r)));

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(KeyFrom(jwt.SigningKey!), SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }
}

/// <summary>A signed token and its lifetime in seconds.</summary>
public sealed record AccessToken(string Token, int ExpiresIn);

/// <summary>Claim types inside our tokens (short JWT names, not the long XML-namespace ones).</summary>
public static class TokenClaims
{
    public const string Role = "role";
    public const string Subject = JwtRegisteredClaimNames.Sub;
    public const string Email = JwtRegisteredClaimNames.Email;
}
