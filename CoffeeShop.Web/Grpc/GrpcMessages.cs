using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Shop;
using Google.Protobuf.WellKnownTypes;
using Google.Type;
using V1 = CoffeeShop.Web.Grpc.V1;

namespace CoffeeShop.Web.Grpc;

/// <summary>
/// Domain → gRPC messages, outbound only (as the AutoMapper profiles are for JSON; protobuf's repeated fields and
/// Money values map more plainly by hand). Prices are <c>google.type.Money</c> in the shop's currency.
/// </summary>
internal sealed class GrpcMessages(PriceFormatter prices)
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    /// <summary>
    /// The item with its sizes and the option groups it offers, resolved in <paramref name="catalog"/> (read once per
    /// call, whatever the number of items).
    /// </summary>
    public V1.MenuItem MenuItem(MenuItem item, OptionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(catalog);
        var message = new V1.MenuItem
        {
            Id = item.Id,
            Category = Category(item.Category),
            Title = item.Title,
            Description = item.Description,
            Image = item.Image ?? string.Empty,
            Price = Money(item.Price),
            IsAvailable = item.IsAvailable,
            CreatedAt = Timestamp.FromDateTimeOffset(item.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(item.UpdatedAt),
        };
        message.Ingredients.Add(item.Ingredients);
        message.Sizes.Add(item.Sizes.Select(s => new V1.Size { Code = s.Code, Name = s.Name, Price = Money(s.Price), IsDefault = s.IsDefault }));
        message.OptionGroups.Add(catalog.For(item).Select(OptionGroup));
        return message;
    }

    public V1.OptionGroup OptionGroup(OptionGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new V1.OptionGroup
        {
            Code = group.Code,
            Name = group.Name,
            MinSelected = group.MinSelected,
            MaxSelected = group.MaxSelected,
            MaxQuantity = group.MaxQuantity,
            Options =
            {
                group.Options.Select(o => new V1.Option
                {
                    Code = o.Code,
                    Name = o.Name,
                    PriceDelta = Money(o.PriceDelta),
                    IsDefault = o.IsDefault,
                    IsAvailable = o.IsAvailable,
                }),
            },
        };
    }

    public V1.Order Order(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var message = new V1.Order
        {
            Id = order.Id,
            Code = order.Code,
            CustomerName = order.CustomerName,
            Notes = order.Notes,
            Status = Status(order.Status),
            Total = Money(order.Total),
            CreatedAt = Timestamp.FromDateTimeOffset(order.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(order.UpdatedAt),
        };
        foreach (var line in order.Lines)
        {
            message.Lines.Add(new V1.OrderLine
            {
                MenuItemId = line.MenuItemId,
                Title = line.Title,
                UnitPrice = Money(line.UnitPrice),
                Quantity = line.Quantity,
                Size = new V1.OrderLineSize { Code = line.SizeCode, Name = line.SizeName },
                Options =
                {
                    line.Options.Select(o => new V1.OrderLineOption { Code = o.Code, Name = o.Name, Quantity = o.Quantity, PriceDelta = Money(o.PriceDelta) }),
                },
                LineTotal = Money(line.Subtotal),
            });
        }

        return message;
    }

    public Money Money(decimal amount)
    {
        var units = decimal.Truncate(amount);
        return new Money
        {
            CurrencyCode = prices.Currency,
            Units = (long)units,
            Nanos = (int)((amount - units) * NanosPerUnit),
        };
    }

    public static V1.Category Category(MenuCategory category) => category switch
    {
        MenuCategory.Hot => V1.Category.Hot,
        MenuCategory.Iced => V1.Category.Iced,
        _ => V1.Category.Unspecified,
    };

    /// <summary>Null for CATEGORY_UNSPECIFIED (both); an unknown number is refused as the JSON API refuses an unknown name.</summary>
    public static MenuCategory? Category(V1.Category category) => category switch
    {
        V1.Category.Unspecified => null,
        V1.Category.Hot => MenuCategory.Hot,
        V1.Category.Iced => MenuCategory.Iced,
        _ => throw GrpcErrors.InvalidField("category", "category must be CATEGORY_HOT or CATEGORY_ICED."),
    };

    /// <summary>The two enums share names (Pending ↔ ORDER_STATUS_PENDING) and numbers; a test keeps them so.</summary>
    public static V1.OrderStatus Status(OrderStatus status) =>
        System.Enum.IsDefined(status) ? (V1.OrderStatus)(int)status : V1.OrderStatus.Unspecified;

    /// <summary>Null for ORDER_STATUS_UNSPECIFIED when <paramref name="optional"/>; anything unknown is INVALID_ARGUMENT on "status".</summary>
    public static OrderStatus? Status(V1.OrderStatus status, bool optional)
    {
        if (status == V1.OrderStatus.Unspecified && optional)
        {
            return null;
        }

        var domain = (OrderStatus)(int)status;
        return System.Enum.IsDefined(domain)
            ? domain
            : throw GrpcErrors.InvalidField("status", $"status must be one of {string.Join(", ", System.Enum.GetNames<OrderStatus>().Select(n => "ORDER_STATUS_" + n.ToUpperInvariant()))}.");
    }
}
