namespace CoffeeShop.Web.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Redirect to HTTPS, send HSTS and mark cookies Secure. Off only in Development and tests over plain HTTP.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>The largest request body accepted, in bytes (413 beyond it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public int LockoutMaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
