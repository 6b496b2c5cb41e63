using System.ComponentModel.DataAnnotations;

namespace CoffeeShop.Web.Contracts.Auth;

/// <summary>Credentials exchanged for an access token.</summary>
public sealed class TokenRequest
{
    /// <example>customer@coffeeshop.local</example>
    [Required]
    [EmailAddress]
    [StringLength(256)]
    public string? Email { get; init; }

    /// <example>Customer-Demo-2026!</example>
    [Required]
    [StringLength(128)]
    public string? Password { get; init; }
}
