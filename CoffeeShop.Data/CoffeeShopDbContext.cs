using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data;

/// <summary>
/// The one database of CoffeeShop: the menu, orders, Identity's tables and the data-protection keys.
/// Each provider has a derived context (and its own migrations); this base holds the shared model.
/// </summary>
public abstract class CoffeeShopDbContext : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    protected CoffeeShopDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<MenuItem> MenuItems => Set<MenuItem>();

    public DbSet<OptionGroup> OptionGroups => Set<OptionGroup>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoffeeShopDbContext).Assembly);
    }
}
