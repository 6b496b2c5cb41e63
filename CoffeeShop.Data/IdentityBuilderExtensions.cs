using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Data;

public static class IdentityBuilderExtensions
{
    /// <summary>Keeps users and roles in the CoffeeShop database.</summary>
    public static IdentityBuilder AddCoffeeShopStores(this IdentityBuilder builder) =>
        builder.AddEntityFrameworkStores<CoffeeShopDbContext>();

    /// <summary>Keeps data-protection keys in the database, so every instance can read every cookie and token.</summary>
    public static IDataProtectionBuilder PersistKeysToCoffeeShopDatabase(this IDataProtectionBuilder builder) =>
        builder.PersistKeysToDbContext<CoffeeShopDbContext>();
}
