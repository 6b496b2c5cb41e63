namespace CoffeeShop.Web.Security;

/// <summary>The three roles: customers sign themselves up; baristas run the queue; admins run the shop.</summary>
public static class AppRoles
{
    public const string Customer = "Customer";
    public const string Barista = "Barista";
    public const string Admin = "Admin";

    /// <summary>Roles that may work the order queue.</summary>
    public const string Staff = Barista + "," + Admin;

    public static IReadOnlyList<string> All { get; } = [Customer, Barista, Admin];

    /// <summary>The role as the app spells it, whatever the case it was written in; null when there is no such role.</summary>
    public static string? Named(string? role) =>
        All.FirstOrDefault(known => string.Equals(known, role, StringComparison.OrdinalIgnoreCase));
}
