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
        Field<NonNullGraphType<DecimalGraphType>>("unitPrice").Resolve(c => c.Source.UnitPrice);
        Field(l => l.Quantity);
        Field<NonNullGraphType<DecimalGraphType>>("lineTotal").Description("unitPrice × quantity.").Resolve(c => c.Source.Subtotal);
        Field<MenuItemType, IDataLoaderResult<MenuItem?>>("menuItem")
            .Description("The drink as the menu has it now; null once it has been deleted from the menu.")
            .Resolve(c => c.RequestServices!.GetRequiredService<MenuItemBatchLoader>().Load(c.Source.MenuItemId));
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
}
