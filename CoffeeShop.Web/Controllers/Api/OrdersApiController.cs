using AutoMapper;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Contracts;
using CoffeeShop.Web.Contracts.Orders;
using CoffeeShop.Web.ErrorHandling;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.Shop;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>
/// The orders API. Any signed-in caller or API key may order; customers see their own orders, staff see all.
/// Someone else's order is a 404, not a 403, so ids reveal nothing.
/// </summary>
[Route("api/v1/orders")]
[Authorize]
[Tags("Orders")]
public sealed class OrdersApiController(OrderingService ordering, ICurrentUser caller, IMapper mapper, PriceFormatter prices) : ApiControllerBase
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int IdempotencyKeyMaxLength = 200;

    /// <summary>Places an order. With an Idempotency-Key header, a retry with the same key and body returns the first order and creates nothing.</summary>
    /// <response code="201">The order, with its Location.</response>
    /// <response code="400">A field is invalid, or a line names a missing or unavailable item (the error names the line).</response>
    /// <response code="422">The Idempotency-Key was already used with a different body.</response>
    [HttpPost]
    [Consumes(MediaTypes.Json)]
    [CountOrderRefusals(ShopMetrics.Channels.Api)]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, MediaTypes.Problem)]
    public async Task<ActionResult<OrderResponse>> Place(
        CreateOrderRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var domainRequest = new OrderRequest(
            request.CustomerName!,
            request.Notes,
            caller.UserId,
            [.. request.Lines!.Select(l => l.ToDomain())]);

        IdempotentRequest? idempotency = null;
        if (idempotencyKey is not null)
        {
            if (idempotencyKey.Length is 0 or > IdempotencyKeyMaxLength)
            {
                throw new RequestValidationException(IdempotencyKeyHeader, $"{IdempotencyKeyHeader} must be 1 to {IdempotencyKeyMaxLength} characters.");
            }

            idempotency = new IdempotentRequest("api:" + (caller.Key ?? "anonymous"), idempotencyKey, RequestFingerprint.Of(request));
        }

        var placed = await ordering.PlaceAsync(domainRequest, idempotency, cancellationToken);
        if (placed.Replayed)
        {
            Response.Headers["Idempotent-Replayed"] = "true";
        }
        else
        {
            ShopMetrics.OrderCreated(ShopMetrics.Channels.Api);
        }

        return CreatedAtAction(nameof(Get), new { id = placed.Order.Id }, ToResponse(placed.Order));
    }

    /// <summary>Lists orders, newest first: your own, or every order for staff. Filter by status; paged.</summary>
    [HttpGet]
    [ProducesResponseType<PagedResponse<OrderResponse>>(StatusCodes.Status200OK)]
    public async Task<PagedResponse<OrderResponse>> List([FromQuery] OrderListRequest request, CancellationToken cancellationToken)
    {
        var page = await ordering.ListVisibleAsync(request.ToQuery(null), caller.UserId, caller.IsStaff, cancellationToken);
        return new PagedResponse<OrderResponse>([.. page.Items.Select(ToResponse)], page.Page, page.PageSize, page.TotalCount);
    }

    /// <summary>Gets an order: its customer's or, for staff, any.</summary>
    [HttpGet("{id:int}")]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<OrderResponse>> Get(int id, CancellationToken cancellationToken) =>
        ToResponse(await ordering.GetAsync(id, caller.Actor, caller.UserId, cancellationToken));

    /// <summary>Cancels an order: a customer while it is Pending, staff while Pending or Preparing.</summary>
    [HttpPost("{id:int}/cancel")]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<OrderResponse> Cancel(int id, CancellationToken cancellationToken) =>
        ToResponse(await ordering.CancelAsync(id, caller.Actor, caller.UserId, cancellationToken));

    /// <summary>Moves an order along (staff): Pending → Preparing → Ready → Completed, or to Cancelled. Any other move is 409.</summary>
    [HttpPut("{id:int}/status")]
    [Authorize(Roles = AppRoles.Staff)]
    [Consumes(MediaTypes.Json)]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, MediaTypes.Problem)]
    public async Task<OrderResponse> Move(int id, OrderStatusRequest request, CancellationToken cancellationToken) =>
        ToResponse(await ordering.MoveAsync(id, request.ToStatus(), cancellationToken));

    private OrderResponse ToResponse(Order order) => mapper.ToOrderResponse(order, prices);
}
