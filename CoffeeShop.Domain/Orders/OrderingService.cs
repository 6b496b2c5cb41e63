using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;

namespace CoffeeShop.Domain.Orders;

/// <summary>
/// The ordering use cases, shared by the order pages, the barista queue, the orders API and gRPC. Every saved
/// change is told to <paramref name="events"/> (when there is one) after the save returns.
/// </summary>
public sealed class OrderingService(
    IOrderRepository orders,
    IMenuItemRepository menu,
    IOptionGroupRepository optionGroups,
    IOrderCodeGenerator codes,
    TimeProvider clock,
    IOrderEvents? events = null)
{
    private readonly IOrderEvents _events = events ?? NoOrderEvents.Instance;

    /// <summary>
    /// Places an order for available menu items, snapshotting each line's title, size, options and prices. A missing
    /// or unavailable item fails with the field of its line (<c>lines[i].menuItemId</c>), a refused size or option with
    /// its own (<see cref="OrderLineComposer"/>).
    /// </summary>
    public async Task<Order> PlaceAsync(OrderRequest request, CancellationToken cancellationToken) =>
        (await PlaceAsync(request, null, cancellationToken)).Order;

    /// <summary>
    /// Places an order once per idempotency key: a retry with the same key and body returns the first order
    /// and creates nothing; the same key with another body throws <see cref="IdempotencyKeyReusedException"/>.
    /// The key is saved in the same transaction as the order, so concurrent retries cannot both create one.
    /// </summary>
    public async Task<PlacedOrder> PlaceAsync(OrderRequest request, IdempotentRequest? idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (idempotency is not null && await FindReplayAsync(idempotency, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var lines = await ComposeAsync(RequestedLines(request.Lines), cancellationToken);

        // A clash of two 128-bit codes is not worth a retry loop: the unique index would turn it into a
        // ConflictException, and the customer can simply submit again.
        var order = new Order(codes.NewCode(), request.CustomerName, request.Notes, request.CustomerId, lines, clock.GetUtcNow());
        try
        {
            // Not cancellable, for the reason SaveAndPublishAsync gives: a committed order must be announced.
            await orders.AddAsync(order, idempotency, CancellationToken.None);
            _events.Publish(new OrderChange(OrderChangeKind.Placed, order));
            return new PlacedOrder(order, Replayed: false);
        }
        catch (ConflictException) when (idempotency is not null)
        {
            // A concurrent request with the same key committed first: answer with its order.
            var winner = await FindReplayAsync(idempotency, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return winner;
        }
    }

    /// <summary>
    /// Prices <paramref name="lines"/> exactly as <see cref="PlaceAsync(OrderRequest, CancellationToken)"/> would, placing
    /// nothing: the order page's "update total" without JavaScript. Fails with the same errors, naming the same fields.
    /// </summary>
    public async Task<IReadOnlyList<OrderLine>> PriceAsync(IReadOnlyList<OrderLineRequest> lines, CancellationToken cancellationToken)
    {
        var composed = await ComposeAsync(RequestedLines(lines), cancellationToken);
        Order.CheckDrinksAreDistinct(composed);
        return composed;
    }

    /// <summary>Each requested line as the drink it is, for available menu items, priced by <see cref="OrderLineComposer"/>.</summary>
    private async Task<List<OrderLine>> ComposeAsync(IReadOnlyList<OrderLineRequest> requested, CancellationToken cancellationToken)
    {
        // One round trip for the whole menu the order needs, however many lines it has; the option groups only when
        // a line can have options.
        var items = (await menu.FindManyAsync([.. requested.Select(l => l.MenuItemId)], cancellationToken)).ToDictionary(m => m.Id);
        var catalog = items.Values.Any(m => m.OptionGroupCodes.Count > 0) || requested.Any(l => l.Options is { Count: > 0 })
            ? new OptionCatalog(await optionGroups.ListAllAsync(cancellationToken))
            : OptionCatalog.Empty;

        var lines = new List<OrderLine>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var menuItemId = requested[i].MenuItemId;
            if (!items.TryGetValue(menuItemId, out var item))
            {
                throw new DomainValidationException(Order.LineField(i, nameof(OrderLine.MenuItemId)), $"Menu item {menuItemId} does not exist.");
            }

            if (!item.IsAvailable)
            {
                throw new DomainValidationException(
                    Order.LineField(i, nameof(OrderLine.MenuItemId)), $"Menu item {menuItemId} ({item.Title}) is not available at the moment.");
            }

            lines.Add(OrderLineComposer.Compose(i, requested[i], item, catalog));
        }

        return lines;
    }

    private async Task<PlacedOrder?> FindReplayAsync(IdempotentRequest idempotency, CancellationToken cancellationToken)
    {
        var earlier = await orders.FindByIdempotencyKeyAsync(idempotency.Scope, idempotency.Key, cancellationToken);
        if (earlier is not { } found)
        {
            return null;
        }

        return found.RequestHash == idempotency.RequestHash
            ? new PlacedOrder(found.Order, Replayed: true)
            : throw new IdempotencyKeyReusedException("This Idempotency-Key was already used with a different request body.");
    }

    public async Task<Order> GetAsync(int id, CancellationToken cancellationToken) =>
        await orders.FindAsync(id, cancellationToken) ?? throw NotFoundException.For("Order", id);

    /// <summary>
    /// An order by id as <paramref name="actor"/> may see it: staff see any order, a customer only their own (anyone
    /// else is told it does not exist, so ids reveal nothing). The pages and every API read an order by id through here.
    /// </summary>
    public async Task<Order> GetAsync(int id, OrderActor actor, string? actingUserId, CancellationToken cancellationToken)
    {
        var order = await GetAsync(id, cancellationToken);
        return CanView(order, actingUserId, actor == OrderActor.Staff) ? order : throw NotFoundException.For("Order", id);
    }

    public async Task<Order> GetByCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);

        // The message leaves the code out: it is a bearer secret and error messages end up in logs.
        return await orders.FindByCodeAsync(code, cancellationToken) ?? throw new NotFoundException("No order has that code.");
    }

    public Task<PagedResult<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return orders.ListAsync(query, cancellationToken);
    }

    /// <summary>
    /// The orders a caller may list: staff see everyone's (<paramref name="query"/>'s customer is ignored), a
    /// signed-in customer their own, and a caller who is no person (a customer-role API key) none.
    /// </summary>
    public Task<PagedResult<Order>> ListVisibleAsync(OrderQuery query, string? userId, bool isStaff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!isStaff && userId is null)
        {
            return Task.FromResult(new PagedResult<Order>([], query.Page, query.PageSize, 0));
        }

        return orders.ListAsync(query with { CustomerId = isStaff ? null : userId }, cancellationToken);
    }

    public Task<IReadOnlyList<Order>> ListOpenAsync(CancellationToken cancellationToken) =>
        orders.ListOpenAsync(cancellationToken);

    /// <summary>
    /// Cancels an order. Staff may cancel any order; a customer only their own (anyone else is told the
    /// order does not exist, as when viewing it). Refused moves throw <see cref="ConflictException"/>.
    /// </summary>
    public async Task<Order> CancelAsync(int id, OrderActor actor, string? actingUserId, CancellationToken cancellationToken)
    {
        var order = await GetAsync(id, actor, actingUserId, cancellationToken);
        order.Cancel(actor, clock.GetUtcNow());
        await SaveAndPublishAsync(order, OrderChangeKind.Cancelled);
        return order;
    }

    /// <summary>Cancels the order as its customer on the strength of the code alone, which is how a guest proves the order is theirs.</summary>
    public async Task<Order> CancelByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var order = await GetByCodeAsync(code, cancellationToken);
        order.Cancel(OrderActor.Customer, clock.GetUtcNow());
        await SaveAndPublishAsync(order, OrderChangeKind.Cancelled);
        return order;
    }

    /// <summary>
    /// A staff move (the barista's buttons, the status endpoint). There is no customer variant: the only
    /// move a customer may make is a cancel, and <see cref="CancelAsync"/> checks that the order is theirs.
    /// </summary>
    public async Task<Order> MoveAsync(int id, OrderStatus newStatus, CancellationToken cancellationToken)
    {
        var order = await GetAsync(id, cancellationToken);
        order.MoveTo(newStatus, OrderActor.Staff, clock.GetUtcNow());
        await SaveAndPublishAsync(order, OrderChange.For(order).Kind);
        return order;
    }

    /// <summary>
    /// Saves, then announces the change: only once the save has returned, so no listener hears of an order that is
    /// not on disk. The save is not cancellable: once the writer holds the change it may commit whatever the caller
    /// does (the group commit writes an order whose caller gave up), and a committed change must be announced.
    /// </summary>
    private async Task SaveAndPublishAsync(Order order, OrderChangeKind kind)
    {
        await orders.SaveChangesAsync(CancellationToken.None);
        _events.Publish(new OrderChange(kind, order));
    }

    /// <summary>
    /// Who may see an order by its id: staff, and the signed-in customer who placed it. (Holding the code
    /// is a separate right, checked by the lookup itself.) Reading and cancelling by id both ask here.
    /// </summary>
    public static bool CanView(Order order, string? userId, bool isStaff)
    {
        ArgumentNullException.ThrowIfNull(order);
        return isStaff || order.IsOwnedBy(userId);
    }

    /// <summary>The request's lines, checked for what needs no menu before anything is read, each failure naming its line.</summary>
    private static IReadOnlyList<OrderLineRequest> RequestedLines(IReadOnlyList<OrderLineRequest>? lines)
    {
        // Counted first, so a flood of lines is refused before anything else is looked at.
        lines = Order.CheckLineCount(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null)
            {
                throw new DomainValidationException(Order.LineField(i), $"{Order.LineField(i).Label} is required.");
            }
        }

        Order.ValidateQuantities([.. lines.Select(l => l.Quantity)]);
        return lines;
    }
}
