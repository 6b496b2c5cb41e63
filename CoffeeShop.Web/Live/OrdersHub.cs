using System.Collections.Concurrent;
using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Contracts.Orders;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.Shop;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Live;

/// <summary>
/// The live orders hub (<c>/hubs/orders</c>). Anyone holding an order's code may watch it; Barista and Admin
/// connections join the queue and hear of every order. Each method checks its caller itself: connecting is open
/// to anyone (a guest's status page must listen), so nothing is granted by having connected.
/// </summary>
public sealed class OrdersHub(
    OrderingService ordering,
    IMapper mapper,
    PriceFormatter prices,
    LiveConnectionLimiter limiter,
    IOptions<LiveOptions> options,
    ILogger<OrdersHub> logger) : Hub
{
    public const string Path = "/hubs/orders";
    public const string QueueGroup = "queue";

    /// <summary>Server → client: an order changed (to its watchers and the queue).</summary>
    public const string OrderUpdated = "orderUpdated";

    /// <summary>Server → client: a new order (to the queue).</summary>
    public const string OrderPlaced = "orderPlaced";

    private static readonly object StateKey = new();

    public static string OrderGroup(int orderId) => FormattableString.Invariant($"order:{orderId}");

    public override async Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext();
        var caller = http is null ? "connection:" + Context.ConnectionId : LiveConnectionLimiter.CallerKey(http);
        var lease = limiter.TryOpen(caller);
        if (lease is null)
        {
            logger.LogWarning(
                "Security: live connection refused, {Caller} already has {Max} open (user {UserName})",
                caller, options.Value.MaxConnectionsPerCaller, UserName);
            throw new HubException("Too many live connections; close one and try again.");
        }

        var state = new ConnectionState(lease, Context.User is { } staffUser && CurrentUser.IsStaffPrincipal(staffUser));
        Context.Items[StateKey] = state;
        LiveMetrics.ConnectionOpened(LiveMetrics.SignalR);
        if (state.InQueue)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, QueueGroup, Context.ConnectionAborted);
        }
        else
        {
            _ = CloseWhenIdleAsync(Context, state, options.Value.IdleTimeout, logger);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(StateKey, out var value) && value is ConnectionState state)
        {
            state.Lease.Dispose();
            LiveMetrics.ConnectionClosed(LiveMetrics.SignalR);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Watches the order with this code (anyone holding the code may) and returns it as it is now; from then on
    /// <c>orderUpdated</c> brings each change. An unknown code is an error, and too many of them close the connection.
    /// </summary>
    public async Task<OrderResponse> WatchOrder(string code)
    {
        var state = State;
        if (string.IsNullOrEmpty(code) || code.Length > OrderLimits.CodeMaxLength)
        {
            throw RefuseWatch(state, "That is not an order code.");
        }

        if (!state.Watching.ContainsKey(code) && state.Watching.Count >= options.Value.MaxWatchedOrdersPerConnection)
        {
            throw new HubException($"A connection may watch at most {options.Value.MaxWatchedOrdersPerConnection} orders.");
        }

        Order order;
        try
        {
            order = await ordering.GetByCodeAsync(code, Context.ConnectionAborted);
        }
        catch (NotFoundException)
        {
            throw RefuseWatch(state, "No order has that code.");
        }

        // The queue hears of every order already; a staff connection in both groups would get each change twice.
        if (!state.InQueue)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, OrderGroup(order.Id), Context.ConnectionAborted);
        }

        state.Watching[code] = order.Id;

        // Read again now that the group is joined: a change committed between the first read and the join is in this
        // state, and any later one arrives as orderUpdated. (Clients keep the newer of two by updatedAt.)
        var current = await ordering.GetAsync(order.Id, Context.ConnectionAborted);
        return mapper.ToOrderResponse(current, prices);
    }

    /// <summary>Stops watching an order; a code not being watched is ignored.</summary>
    public async Task UnwatchOrder(string code)
    {
        var state = State;
        if (code is not null && state.Watching.TryRemove(code, out var orderId) && !state.InQueue)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, OrderGroup(orderId), Context.ConnectionAborted);
        }
    }

    /// <summary>Joins the queue (Barista and Admin only; their connections join it on connecting already).</summary>
    public async Task JoinQueue()
    {
        var state = State;
        if (Context.User is not { } user || !CurrentUser.IsStaffPrincipal(user))
        {
            LiveMetrics.RefusedBecause("not-staff");
            logger.LogWarning("Security: live queue refused to {UserName} (connection {ConnectionId})", UserName, Context.ConnectionId);
            throw new HubException("Only baristas and admins may listen to the queue.");
        }

        state.InQueue = true;
        await Groups.AddToGroupAsync(Context.ConnectionId, QueueGroup, Context.ConnectionAborted);
    }

    private ConnectionState State =>
        Context.Items.TryGetValue(StateKey, out var value) && value is ConnectionState state
            ? state
            : throw new HubException("The connection is not open.");

    private string UserName => Context.User?.Identity?.IsAuthenticated == true ? Context.User.Identity.Name ?? "?" : "anonymous";

    private HubException RefuseWatch(ConnectionState state, string message)
    {
        var failures = Interlocked.Increment(ref state.FailedWatches);
        LiveMetrics.RefusedBecause("unknown-code");
        logger.LogWarning(
            "Security: live watch refused, unknown order code ({Failures} so far; user {UserName}, connection {ConnectionId})",
            failures, UserName, Context.ConnectionId);
        if (failures >= options.Value.MaxFailedWatchesPerConnection)
        {
            Context.Abort();
        }

        return new HubException(message);
    }

    /// <summary>Closes a connection that has watched nothing for a whole idle period: it has no reason to stay open.</summary>
    private static async Task CloseWhenIdleAsync(HubCallerContext context, ConnectionState state, TimeSpan idle, ILogger logger)
    {
        using var timer = new PeriodicTimer(idle);
        try
        {
            while (await timer.WaitForNextTickAsync(context.ConnectionAborted))
            {
                if (state.Watching.IsEmpty && !state.InQueue)
                {
                    LiveMetrics.RefusedBecause("idle");
                    logger.LogInformation("Closing idle live connection {ConnectionId}", context.ConnectionId);
                    context.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed first.
        }
    }

    /// <summary>What the hub remembers about one connection between calls.</summary>
    private sealed class ConnectionState(IDisposable lease, bool inQueue)
    {
#pragma warning disable SA1401, CA1051 // a counter updated with Interlocked
        public int FailedWatches;
#pragma warning restore SA1401, CA1051

        public IDisposable Lease { get; } = lease;

        public bool InQueue { get; set; } = inQueue;

        /// <summary>Watched orders: code → id.</summary>
        public ConcurrentDictionary<string, int> Watching { get; } = new(StringComparer.Ordinal);
    }
}
