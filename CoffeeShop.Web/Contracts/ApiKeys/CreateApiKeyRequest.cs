using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Web.Contracts.ApiKeys;

/// <summary>A new API key: what it is for, and the role it acts with.</summary>
public sealed class CreateApiKeyRequest : IValidatableObject
{
    /// <example>Point-of-sale terminal 1</example>
    [Required]
    [StringLength(ApiKey.NameMaxLength, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>Customer, Barista or Admin (in any case).</summary>
    /// <example>Customer</example>
    [Required]
    public string? Role { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Role is not null && AppRoles.Named(Role) is null)
        {
            // Named as clients write it, like the errors of the attributes above.
            yield return new ValidationResult($"role must be one of {string.Join(", ", AppRoles.All)}.", ["role"]);
        }
    }
}
