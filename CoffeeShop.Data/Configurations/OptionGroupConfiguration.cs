using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoffeeShop.Data.Configurations;

internal sealed class OptionGroupConfiguration : IEntityTypeConfiguration<OptionGroup>
{
    public void Configure(EntityTypeBuilder<OptionGroup> builder)
    {
        builder.ToTable("OptionGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Code).HasMaxLength(Slug.MaxLength).IsUnicode(false).IsRequired();
        builder.Property(g => g.Name).HasMaxLength(OptionGroupLimits.NameMaxLength).IsRequired();
        builder.Property<List<MenuOption>>("_options").HasColumnName(nameof(OptionGroup.Options)).AsJsonList();
        builder.Ignore(g => g.Options);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Ignore(g => g.Details);

        // The service checks first; the index settles two admins racing to create the same group.
        builder.HasIndex(g => g.Code).IsUnique();
    }
}
