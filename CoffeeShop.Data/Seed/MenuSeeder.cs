using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Seed;

/// <summary>
/// Fills an empty menu with <see cref="MenuSeedData"/>, and an empty set of option groups with
/// <see cref="OptionGroupSeedData"/>; either that has rows is left alone. A database from before option groups thus
/// gets the groups (for the admins to attach) without its items being touched.
/// </summary>
internal static class MenuSeeder
{
    public static async Task SeedAsync(CoffeeShopDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await db.OptionGroups.AnyAsync(cancellationToken))
        {
            foreach (var (code, details) in OptionGroupSeedData.Groups)
            {
                db.OptionGroups.Add(new OptionGroup(code, details, now));
            }
        }

        if (!await db.MenuItems.AnyAsync(cancellationToken))
        {
            foreach (var seed in MenuSeedData.Items)
            {
                if (!MenuCategories.TryParse(seed.Category, out var category))
                {
                    throw new InvalidOperationException($"Seed item '{seed.Title}' has an unknown category '{seed.Category}'.");
                }

                db.MenuItems.Add(new MenuItem(
                    new MenuItemDetails(
                        category,
                        seed.Title,
                        seed.Description,
                        seed.Ingredients,
                        seed.Image,
                        seed.Price,
                        Sizes: OptionGroupSeedData.SizesFor(seed),
                        OptionGroupCodes: seed.OptionGroups),
                    now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
