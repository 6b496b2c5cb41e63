using System.ComponentModel.DataAnnotations;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Web.Contracts.ApiKeys;

namespace CoffeeShop.Web.Models.Admin;

/// <summary>The API keys page: the keys, the form for a new one, and a key just created (shown once).</summary>
public sealed class ApiKeysPageViewModel
{
    public IReadOnlyList<ApiKeyResponse> Keys { get; init; } = [];

    public NewApiKeyForm Form { get; init; } = new();

    public string? CreatedKey { get; init; }
}

public sealed class NewApiKeyForm
{
    [Required(ErrorMessage = "Give the key a name, such as what will use it.")]
    [StringLength(ApiKey.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose the role the key acts with.")]
    [RegularExpression("^(Customer|Barista|Admin)$", ErrorMessage = "Choose Customer, Barista or Admin.")]
    public string? Role { get; set; } = "Customer";
}
