namespace CoffeeShop.Web.Security;

/// <summary>The <c>Jwt</c> configuration section. The signing key is a secret: configuration only, never the repository.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";
    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "CoffeeShop";

    public string Audience { get; set; } = "CoffeeShop.Api";

    /// <summary>At least 32 bytes of text (HMAC-SHA256). Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 60;
}
