using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.GraphQL.Types;
using CoffeeShop.Web.Observability;
using GraphQL;
using GraphQL.Types;

namespace CoffeeShop.Web.GraphQL;

/// <summary>The GraphQL schema of PRODUCT.md ("GraphQL"); docs/schema.graphql is its SDL, checked by a test.</summary>
public sealed class CoffeeShopSchema : Schema
{
    public CoffeeShopSchema(IServiceProvider services, CoffeeShopQuery query, CoffeeShopMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;

        // Introspection (when enabled) counts at a thousandth of a data field: GraphiQL's schema query costs about 400
        // against MaxComplexity, while a document that repeats it under many aliases still hits the limit.
        this.WithIntrospectionComplexityImpact(0.001);
    }
}

/// <summary>What a request carries into the resolvers: the caller, read once.</summary>
public sealed class GraphQLUserContext(GraphQLCaller caller) : Dictionary<string, object?>
{
    public GraphQLCaller Caller { get; } = caller;
}

internal static class ResolveFieldContextExtensions
{
    public static GraphQLCaller Caller(this IResolveFieldContext context) =>
        (context.UserContext as GraphQLUserContext)?.Caller ?? GraphQLCaller.Anonymous;

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();
}

/// <summary>The reads. Each resolver calls the domain service the JSON API's controller calls.</summary>
public sealed class CoffeeShopQuery : ObjectGraphType
{
    /// <summary>As the JSON API's search parameter.</summary>
    public const int SearchMaxLength = 100;

    public CoffeeShopQuery()
    {
        Name = "Query";

        Field<NonNullGraphType<ConnectionGraphType<MenuItemType, MenuItem>>>("menuItems")
            .Description("The menu, in id order, a page at a time; filter by category and by a search of the title and description.")
            .Argument<CategoryType>("category")
            .Argument<StringGraphType>("search")
            .Argument<IntGraphType>("first", "Page size, 1–100 (20 when left out).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async context =>
            {
                var paging = CursorPaging.From(context);
                var search = context.GetArgument<string?>("search");
                if (search?.Length > SearchMaxLength)
                {
                    throw GraphQLErrors.Invalid("search", $"search must be at most {SearchMaxLength} characters.");
                }

                var page = await context.Service<MenuService>().ListAsync(
                    new MenuItemQuery
                    {
                        Category = context.GetArgument<MenuCategory?>("category"),
                        Search = search,
                        PageSize = paging.First,
                        Offset = paging.Offset,
                    },
                    context.CancellationToken);
                return paging.ToConnection(page);
            });

        Field<MenuItemType, MenuItem>("menuItem")
            .Description("One drink; null with a NOT_FOUND error when there is no such item.")
            .Argument<NonNullGraphType<IntGraphType>>("id")
            .ResolveAsync(async context => await context.Service<MenuService>().GetAsync(context.GetArgument<int>("id"), context.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OptionGroupType>>>, IReadOnlyList<OptionGroup>>("optionGroups")
            .Description("Every option group (milk, extra shots, syrups…), oldest first, whichever drinks offer them.")
            .WithComplexityImpact(1, GraphQLLimits.ExpectedOptionGroups)
            .ResolveAsync(async context => (await context.Service<OptionCatalogLoader>().GetAsync(context.CancellationToken)).Groups);

        Field<OrderType, Order>("order")
            .Description("The order with this tracking code (whoever holds the code may see it); null with NOT_FOUND otherwise.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async context => await context.Service<OrderingService>().GetByCodeAsync(context.GetArgument<string>("code"), context.CancellationToken));

        Field<OrderType, Order>("orderById")
            .Description("An order by id, for its customer or staff; anyone else gets null with NOT_FOUND, as if it did not exist.")
            .Argument<NonNullGraphType<IntGraphType>>("id")
            .ResolveAsync(async context =>
            {
                var caller = context.Caller().RequireSignedIn();
                var id = context.GetArgument<int>("id");
                var order = await context.Service<OrderingService>().GetAsync(id, context.CancellationToken);
                return OrderingService.CanView(order, caller.UserId, caller.IsStaff) ? order : throw NotFoundException.For("Order", id);
            });

        Field<NonNullGraphType<ConnectionGraphType<OrderType, Order>>>("myOrders")
            .Description("The signed-in caller's own orders, newest first (an API key is not a person and owns none).")
            .Argument<IntGraphType>("first", "Page size, 1–100 (20 when left out).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async context =>
            {
                var caller = context.Caller().RequireSignedIn();
                var paging = CursorPaging.From(context);
                if (caller.UserId is null)
                {
                    return CursorPaging.Empty<Order>();
                }

                var page = await context.Service<OrderingService>().ListAsync(
                    new OrderQuery { CustomerId = caller.UserId, PageSize = paging.First, Offset = paging.Offset },
                    context.CancellationToken);
                return paging.ToConnection(page);
            });
    }
}

/// <summary>The writes, with the JSON API's rules: any signed-in caller orders, the code's holder cancels, staff move orders, admins edit the menu.</summary>
public sealed class CoffeeShopMutation : ObjectGraphType
{
    public CoffeeShopMutation()
    {
        Name = "Mutation";

        Field<NonNullGraphType<OrderType>, Order>("placeOrder")
            .Description("Places an order (a bearer token or an API key is needed); a bad line is BAD_USER_INPUT naming it, as lines[0].menuItemId or lines[1].options[0].code.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = context.Caller().RequireSignedIn();
                var input = context.GetArgument<PlaceOrderInput>("input");
                var request = new OrderRequest(
                    input.CustomerName,
                    input.Notes,
                    caller.UserId,
                    [.. input.Lines.Select(l => l.ToRequest())]);
                var order = await context.Service<OrderingService>().PlaceAsync(request, context.CancellationToken);
                ShopMetrics.OrderCreated("graphql");
                return order;
            });

        Field<NonNullGraphType<OrderType>, Order>("cancelOrder")
            .Description("Cancels the order with this code: its holder while it is Pending, staff while Pending or Preparing.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async context =>
            {
                var caller = context.Caller();
                var ordering = context.Service<OrderingService>();
                var code = context.GetArgument<string>("code");
                if (caller.Actor != OrderActor.Staff)
                {
                    return await ordering.CancelByCodeAsync(code, context.CancellationToken);
                }

                var order = await ordering.GetByCodeAsync(code, context.CancellationToken);
                return await ordering.CancelAsync(order.Id, caller.Actor, caller.UserId, context.CancellationToken);
            });

        Field<NonNullGraphType<OrderType>, Order>("setOrderStatus")
            .Description("Moves an order along (staff): PENDING → PREPARING → READY → COMPLETED, or to CANCELLED; any other move is a CONFLICT.")
            .Argument<NonNullGraphType<IntGraphType>>("id")
            .Argument<NonNullGraphType<OrderStatusType>>("status")
            .ResolveAsync(async context =>
            {
                context.Caller().RequireStaff();
                return await context.Service<OrderingService>().MoveAsync(
                    context.GetArgument<int>("id"), context.GetArgument<OrderStatus>("status"), context.CancellationToken);
            });

        Field<NonNullGraphType<MenuItemType>, MenuItem>("updateMenuItem")
            .Description("Changes the fields given (admin); a title taken in the category is a CONFLICT, a stale expectedVersion too.")
            .Argument<NonNullGraphType<IntGraphType>>("id")
            .Argument<NonNullGraphType<MenuItemPatchInputType>>("input")
            .ResolveAsync(async context =>
            {
                context.Caller().RequireAdmin();
                var menu = context.Service<MenuService>();
                var id = context.GetArgument<int>("id");
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var item = await menu.GetAsync(id, context.CancellationToken);
                var details = MenuItemPatch.Apply(item.Details, input);
                return await menu.ReplaceAsync(id, details, MenuItemPatch.ExpectedVersionOf(input), context.CancellationToken);
            });
    }
}
