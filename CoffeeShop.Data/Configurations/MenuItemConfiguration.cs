using CoffeeShop.Domain.Menu;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoffeeShop.Data.Configurations;

internal sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> builder)
    {
        builder.ToTable("MenuItems");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Category).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Title).HasMaxLength(MenuItemLimits.TitleMaxLength).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(MenuItemLimits.DescriptionMaxLength).IsRequired();
        builder.PrimitiveCollection(m => m.Ingredients).HasField("_ingredients").IsRequired();
        builder.Property(m => m.Image).HasMaxLength(MenuItemLimits.ImageMaxLength);
        builder.Property(m => m.Price).HasPrecision(6, 2);
        builder.Property<List<MenuItemSize>>("_sizes").HasColumnName(nameof(MenuItem.Sizes)).AsJsonList();
        builder.Ignore(m => m.Sizes);
        builder.Ignore(m => m.DefaultSize);
        builder.PrimitiveCollection(m => m.OptionGroupCodes).HasField("_optionGroupCodes").IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Details);

        // Titles are unique within a category; the service checks first, the index settles races.
        builder.HasIndex(m => new { m.Category, m.Title }).IsUnique();
        builder.HasIndex(m => new { m.Category, m.IsAvailable });
    }
}
