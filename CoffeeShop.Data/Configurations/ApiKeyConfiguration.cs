using CoffeeShop.Domain.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoffeeShop.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.Role).HasMaxLength(32).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(16).IsRequired();
        builder.Property<byte[]>("_hash").HasColumnName("Hash").HasMaxLength(32).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.Ignore(k => k.IsRevoked);
        builder.HasIndex(k => k.Prefix).IsUnique();
    }
}
