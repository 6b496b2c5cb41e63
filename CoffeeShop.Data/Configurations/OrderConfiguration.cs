using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoffeeShop.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(o => o.Id);

        // Base64url is ASCII. SQL Server compares it byte for byte (see SqlServerCoffeeShopDbContext).
        builder.Property(o => o.Code).HasMaxLength(OrderLimits.CodeMaxLength).IsUnicode(false).IsRequired();
        builder.Property(o => o.CustomerName).HasMaxLength(OrderLimits.CustomerNameMaxLength).IsRequired();
        builder.Property(o => o.CustomerId).HasMaxLength(OrderLimits.CustomerIdMaxLength);
        builder.Property(o => o.Notes).HasMaxLength(OrderLimits.NotesMaxLength).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.Total);

        // Deleting an account keeps its orders (the shop's records) but forgets whose they were.
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.SetNull);

        builder.OwnsMany(o => o.Lines, lines =>
        {
            lines.ToTable("OrderLines");
            lines.WithOwner().HasForeignKey("OrderId");
            lines.HasKey("OrderId", nameof(OrderLine.Position));
            lines.Property(l => l.Position).ValueGeneratedNever();
            lines.Property(l => l.Title).HasMaxLength(MenuItemLimits.TitleMaxLength).IsRequired();
            lines.Property(l => l.SizeCode).HasMaxLength(Slug.MaxLength).IsUnicode(false).IsRequired();
            lines.Property(l => l.SizeName).HasMaxLength(MenuItemLimits.SizeNameMaxLength).IsRequired();
            lines.Property<List<OrderLineOption>>("_options").HasColumnName(nameof(OrderLine.Options)).AsJsonList();
            lines.Ignore(l => l.Options);
            lines.Property(l => l.UnitPrice).HasPrecision(8, 2);
            lines.Ignore(l => l.Subtotal);
            lines.Ignore(l => l.SizePrice);

            // MenuItemId is a plain column on purpose, with no relationship to MenuItems: deleting a menu
            // item must never break or cascade into an order, which keeps its own title and price.
        });
        builder.Navigation(o => o.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Codes are unique; a (vanishingly unlikely) clash fails the insert instead of sharing an order.
        builder.HasIndex(o => o.Code).IsUnique();

        // The barista's queue (open statuses, oldest first) and the staff's status filter (newest first).
        builder.HasIndex(o => new { o.Status, o.CreatedAt });

        // A customer's history, newest first; it also serves as the index of the foreign key.
        builder.HasIndex(o => new { o.CustomerId, o.CreatedAt });
    }
}
