using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Shop;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace CoffeeShop.Web.GraphQL.Types;

/// <summary>The order statuses as a GraphQL enum: PENDING, PREPARING, READY, COMPLETED, CANCELLED.</summary>
public sealed class OrderStatusType : EnumerationGraphType<OrderStatus>
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
    }
}

/// <summary>An order, with the JSON API's field names; its lines keep the title and price they had when ordered.</summary>
public sealed class OrderType : ObjectGraphType<Order>
{
    public OrderType()
    {
        Name = "Order";
        Field(o => o.Id);
        Field(o => o.Code).Description("The public tracking code: whoever holds it may see and cancel the order.");
        Field(o => o.CustomerName);
        Field(o => o.Notes);
        Field<NonNullGraphType<OrderStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineType>>>>("lines").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<DecimalGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<StringGraphType>>("currency")
            .Description("ISO 4217 code of the prices.")
            .Resolve(c => c.RequestServices!.GetRequiredService<PriceFormatter>().Currency);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

/// <summary>One drink on an order; <c>menuItem</c> is the menu's current item, read for all lines of a response at once.</summary>
public sealed class OrderLineType : ObjectGraphType<OrderLine>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Field(l => l.MenuItemId);
        Field(l => l.Title);
        Field<NonNullGraphType<OrderLineSizeType>>("size").Resolve(c => c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineOptionType>>>>("options")
            .Description("The options taken (a group left out gets its defaults), in the drink's group order.")
            .WithComplexityImpact(1, GraphQLLimits.ExpectedOptionsPerLine)
            .Resolve(c => c.Source.Options);
        Field<NonNullGraphType<DecimalGraphType>>("unitPrice")
            .Description("The size's price plus each option's priceDelta × quantity, when the order was placed.")
            .Resolve(c => c.Source.UnitPrice);
        Field(l => l.Quantity);
        Field<NonNullGraphType<DecimalGraphType>>("lineTotal").Description("unitPrice × quantity.").Resolve(c => c.Source.Subtotal);
        Field<MenuItemType, IDataLoaderResult<MenuItem?>>("menuItem")
            .Description("The drink as the menu has it now; null once it has been deleted from the menu.")
            .Resolve(c => c.RequestServices!.GetRequiredService<MenuItemBatchLoader>().Load(c.Source.MenuItemId));
    }
}

/// <summary>The size a line was made in, as it was named when the order was placed.</summary>
public sealed class OrderLineSizeType : ObjectGraphType<OrderLine>
{
    public OrderLineSizeType()
    {
        Name = "OrderLineSize";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.SizeCode);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.SizeName);
    }
}

/// <summary>An option as the line took it: its name and price when the order was placed, and how many.</summary>
public sealed class OrderLineOptionType : ObjectGraphType<OrderLineOption>
{
    public OrderLineOptionType()
    {
        Name = "OrderLineOption";
        Field(o => o.Code);
        Field(o => o.Name);
        Field(o => o.Quantity);
        Field<NonNullGraphType<DecimalGraphType>>("priceDelta").Resolve(c => c.Source.PriceDelta);
    }
}

/// <summary>What placeOrder takes: the JSON API's order request.</summary>
public sealed class PlaceOrderInputType : InputObjectGraphType<PlaceOrderInput>
{
    public PlaceOrderInputType()
    {
        Name = "PlaceOrderInput";
        Field(i => i.CustomerName);
        Field(i => i.Notes, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineInputType>>>>("lines");
    }
}

public sealed class OrderLineInputType : InputObjectGraphType<OrderLineInput>
{
    public OrderLineInputType()
    {
        Name = "OrderLineInput";
        Field(i => i.MenuItemId);
        Field(i => i.Quantity);
        Field(i => i.Size, nullable: true).Description("A size code of the item (MenuItem.sizes); left out, the default size.");
        Field<ListGraphType<NonNullGraphType<OptionInputType>>>("options")
            .Description("Options of the groups the item offers (MenuItem.optionGroups), each at most once.");
    }
}

/// <summary>One option named on an order line, and how many of it.</summary>
public sealed class OptionInputType : InputObjectGraphType<OptionInput>
{
    public OptionInputType()
    {
        Name = "OptionInput";
        Field(i => i.Code).Description("An option code, unique across all groups (oat-milk, extra-shot).");
        Field(i => i.Quantity, nullable: true).Description("1 to the group's maxQuantity; 1 when left out.");
    }
}

public sealed class PlaceOrderInput
{
    public string CustomerName { get; set; } = string.Empty;

    public string? Notes { get; set; }

    public IReadOnlyList<OrderLineInput> Lines { get; set; } = [];
}

public sealed class OrderLineInput
{
    public int MenuItemId { get; set; }

    public int Quantity { get; set; }

    public string? Size { get; set; }

    public IReadOnlyList<OptionInput>? Options { get; set; }

    /// <summary>The line as the domain takes it (an option's quantity left out is 1).</summary>
    public OrderLineRequest ToRequest() =>
        new(MenuItemId, Quantity, Size, Options?.Select(o => new OptionRequest(o.Code, o.Quantity ?? 1)).ToList());
}

public sealed class OptionInput
{
    public string Code { get; set; } = string.Empty;

    public int? Quantity { get; set; }
}
