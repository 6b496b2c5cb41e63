using System.Security.Cryptography;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Controllers.Api;
using CoffeeShop.Web.Live;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = CoffeeShop.Web.Grpc.V1;

namespace CoffeeShop.Web.Grpc;

/// <summary>
/// <c>coffeeshop.v1.Orders</c>, for signed-in callers and API keys, with the JSON API's rules: every decision is
/// <see cref="OrderingService"/>'s; this maps messages, and reads the caller once (<see cref="GrpcCaller"/>).
/// </summary>
[Authorize]
internal sealed class OrdersGrpcService(
    OrderingService ordering,
    IOrderEventFeed events,
    IServiceScopeFactory scopes,
    GrpcMessages messages) : V1.Orders.OrdersBase
{
    public const string ReplayedTrailer = "idempotent-replayed";

    public override async Task<V1.Order> PlaceOrder(V1.PlaceOrderRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = GrpcCaller.From(context);
        var placed = await ordering.PlaceAsync(
            new OrderRequest(request.CustomerName, request.Notes, caller.UserId, [.. request.Lines.Select(LineRequest)]),
            Idempotency(request, caller),
            context.CancellationToken);
        if (placed.Replayed)
        {
            context.ResponseTrailers.Add(ReplayedTrailer, "true");
        }
        else
        {
            ShopMetrics.OrderCreated("grpc");
        }

        return messages.Order(placed.Order);
    }

    public override async Task<V1.Order> GetOrder(V1.GetOrderRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return messages.Order(await VisibleOrderAsync(ordering, request.Id, GrpcCaller.From(context), context.CancellationToken));
    }

    public override async Task<V1.ListOrdersResponse> ListOrders(V1.ListOrdersRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = GrpcCaller.From(context);
        var (page, pageSize) = PageTokens.Read(request.PageToken, request.PageSize, OrderQuery.MaxPageSize);
        var query = new OrderQuery { Status = GrpcMessages.Status(request.Status, optional: true), Page = page, PageSize = pageSize };
        var result = await ordering.ListVisibleAsync(query, caller.UserId, caller.IsStaff, context.CancellationToken);

        return new V1.ListOrdersResponse
        {
            Orders = { result.Items.Select(messages.Order) },
            TotalCount = result.TotalCount,
            NextPageToken = PageTokens.Next(result),
        };
    }

    public override async Task<V1.Order> CancelOrder(V1.CancelOrderRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = GrpcCaller.From(context);
        return messages.Order(await ordering.CancelAsync(request.Id, caller.Actor, caller.UserId, context.CancellationToken));
    }

    [Authorize(Roles = AppRoles.Staff)]
    public override async Task<V1.Order> UpdateOrderStatus(V1.UpdateOrderStatusRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var status = GrpcMessages.Status(request.Status, optional: false)!.Value;
        return messages.Order(await ordering.MoveAsync(request.Id, status, context.CancellationToken));
    }

    /// <summary>
    /// The order now, then each saved change, until a final status. It subscribes before reading, so no change is
    /// missed; each change is read afresh from the database (in its own scope: the request's context would hand back
    /// the entity it already tracks), and a change already shown is skipped by its version.
    /// </summary>
    public override async Task WatchOrder(V1.WatchOrderRequest request, IServerStreamWriter<V1.Order> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var caller = GrpcCaller.From(context);
        var cancellationToken = context.CancellationToken;

        using var subscription = events.Subscribe(request.Id);
        var order = await VisibleOrderAsync(ordering, request.Id, caller, cancellationToken);
        await responseStream.WriteAsync(messages.Order(order), cancellationToken);
        var shownVersion = order.Version;
        if (OrderEvent.IsFinalStatus(order.Status))
        {
            return;
        }

        await foreach (var change in subscription.ReadAllAsync(cancellationToken))
        {
            if (change.Version <= shownVersion)
            {
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            order = await VisibleOrderAsync(scope.ServiceProvider.GetRequiredService<OrderingService>(), request.Id, caller, cancellationToken);
            if (order.Version <= shownVersion)
            {
                continue;
            }

            await responseStream.WriteAsync(messages.Order(order), cancellationToken);
            shownVersion = order.Version;
            if (OrderEvent.IsFinalStatus(order.Status))
            {
                return;
            }
        }
    }

    /// <summary>The order if the caller may see it; anyone else is told it does not exist, as in the JSON API.</summary>
    private static async Task<Order> VisibleOrderAsync(OrderingService service, int id, GrpcCaller caller, CancellationToken cancellationToken)
    {
        var order = await service.GetAsync(id, cancellationToken);
        return OrderingService.CanView(order, caller.UserId, caller.IsStaff) ? order : throw NotFoundException.For("Order", id);
    }

    /// <summary>
    /// A requested line as the domain takes it. Proto3 has no absent scalars, so an empty size is the item's default
    /// size and an option's quantity 0 is 1 (as the JSON API's omitted fields); every rule is the domain's
    /// (<see cref="OrderLineComposer"/>), refused naming <c>lines[i].options[j].code</c> and the like.
    /// </summary>
    private static OrderLineRequest LineRequest(V1.OrderLineRequest line) => new(
        line.MenuItemId,
        line.Quantity,
        line.Size.Length == 0 ? null : line.Size,
        line.Options.Count == 0 ? null : [.. line.Options.Select(o => new OptionRequest(o.Code, o.Quantity == 0 ? 1 : o.Quantity))]);

    /// <summary>
    /// The JSON Idempotency-Key's semantics for the idempotency_key field: scoped to the caller (and to gRPC, whose
    /// requests are fingerprinted as protobuf, so a JSON request never replays as a gRPC one), with the request
    /// minus its key as the body.
    /// </summary>
    private static IdempotentRequest? Idempotency(V1.PlaceOrderRequest request, GrpcCaller caller)
    {
        var key = request.IdempotencyKey;
        if (key.Length == 0)
        {
            return null;
        }

        if (key.Length > OrdersApiController.IdempotencyKeyMaxLength)
        {
            throw GrpcErrors.InvalidField("idempotencyKey", $"idempotency_key must be 1 to {OrdersApiController.IdempotencyKeyMaxLength} characters.");
        }

        var body = request.Clone();
        body.IdempotencyKey = string.Empty;
        return new IdempotentRequest("grpc:" + caller.Scope, key, Convert.ToHexString(SHA256.HashData(body.ToByteArray())));
    }
}
