using CoffeeShop.Domain.Menu;
using Microsoft.EntityFrameworkCore;

namespace CoffeeShop.Data.Seed;

/// <summary>Fills an empty menu with <see cref="MenuSeedData"/>; a menu that has items is left alone.</summary>
internal static class MenuSeeder
{
    public static async Task SeedAsync(CoffeeShopDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.MenuItems.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var seed in MenuSeedData.Items)
        {
            if (!MenuCategories.TryParse(seed.Category, out var category))
            {
                throw new InvalidOperationException($"Seed item '{seed.Title}' has an unknown category '{seed.Category}'.");
            }

            db.MenuItems.Add(new MenuItem(
                new MenuItemDetails(category, seed.Title, seed.Description, seed.Ingredients, seed.Image, seed.Price),
                now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
