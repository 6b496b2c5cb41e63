using System.Globalization;
using System.Text.Json;
using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Contracts.Orders;
using CoffeeShop.Web.Live;
using CoffeeShop.Web.Mapping;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.Shop;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Controllers.Api;

/// <summary>
/// An order's changes as Server-Sent Events, for API clients without SignalR. The first event is the order as it
/// is now; each later one the order after a change; the stream ends after a final status. The order's version is
/// each event's id, so a client that reconnects with <c>Last-Event-ID</c> gets only what it has not seen.
/// </summary>
[Route("api/v1/orders")]
[Authorize]
[Tags("Orders")]
public sealed class OrderEventsApiController(
    OrderingService ordering,
    IOrderEventFeed stream,
    LiveConnectionLimiter limiter,
    IOptions<LiveOptions> options,
    IOptions<JsonOptions> json,
    IHostApplicationLifetime lifetime,
    IMapper mapper,
    PriceFormatter prices) : ApiControllerBase
{
    public const string EventStream = "text/event-stream";
    public const string LastEventIdHeader = "Last-Event-ID";
    public const string EventName = "order";

    /// <summary>
    /// Streams the order's changes (its customer's or, for staff, any): <c>event: order</c>, <c>id:</c> the order's
    /// version, <c>data:</c> the order as <c>GET /api/v1/orders/{id}</c> returns it; a comment line at least every
    /// 15 s; the stream ends after Completed or Cancelled. Send <c>Last-Event-ID</c> to resume.
    /// </summary>
    /// <response code="200">The event stream.</response>
    /// <response code="404">No such order, or not yours.</response>
    /// <response code="429">Too many live connections open for this caller.</response>
    [HttpGet("{id:int}/events")]
    [OutputCache(NoStore = true)]
    [ProducesResponseType<OrderResponse>(StatusCodes.Status200OK, EventStream)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, Http.MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, Http.MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, Http.MediaTypes.Problem)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, Http.MediaTypes.Problem)]
    public async Task<IActionResult> Events(int id, [FromHeader(Name = LastEventIdHeader)] string? lastEventId, CancellationToken cancellationToken)
    {
        // Errors are answered as results, not exceptions: an EventSource asks for text/event-stream only, and the
        // exception handler writes problem details only to clients that accept JSON.
        if (!TryParseLastEventId(lastEventId, out var alreadySent))
        {
            ModelState.AddModelError(LastEventIdHeader, $"{LastEventIdHeader} must be the id of an event this stream sent (a whole number).");
            return ValidationProblem(ModelState);
        }

        // Subscribe before reading, so no change can fall between the read and the subscription.
        using var subscription = stream.Subscribe(id);
        Order order;
        try
        {
            order = await ordering.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFoundProblem(id);
        }

        if (!OrderingService.CanView(order, CurrentUser.UserIdOf(User), CurrentUser.IsStaffPrincipal(User)))
        {
            return NotFoundProblem(id);
        }

        using var lease = limiter.TryOpen(LiveConnectionLimiter.CallerKey(HttpContext));
        if (lease is null)
        {
            return Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                detail: $"At most {options.Value.MaxConnectionsPerCaller} live connections may be open at once; close one first.");
        }

        Response.ContentType = EventStream;
        Response.Headers.CacheControl = "no-cache, no-store";
        Response.Headers["X-Accel-Buffering"] = "no"; // tells a reverse proxy (nginx) not to buffer the stream
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        if (HttpMethods.IsHead(Request.Method))
        {
            return new EmptyResult();
        }

        // The stream also ends when the app stops, so a graceful shutdown is not held up by listeners.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        LiveMetrics.ConnectionOpened(LiveMetrics.Sse);
        try
        {
            await StreamAsync(order, alreadySent, subscription, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away, or the app is stopping.
        }
        finally
        {
            LiveMetrics.ConnectionClosed(LiveMetrics.Sse);
        }

        return new EmptyResult();
    }

    private async Task StreamAsync(Order order, int alreadySent, OrderSubscription subscription, CancellationToken cancellationToken)
    {
        var sent = alreadySent;
        if (order.Version > sent)
        {
            await WriteEventAsync(order.Version, mapper.ToOrderResponse(order, prices), cancellationToken);
            sent = order.Version;
        }
        else
        {
            // Nothing new since the client's last event: open the stream with a comment so the client sees it is live.
            await WriteCommentAsync(cancellationToken);
        }

        if (OrderEvent.IsFinalStatus(order.Status))
        {
            return;
        }

        var heartbeat = options.Value.Heartbeat;
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(heartbeat);
            bool more;
            try
            {
                more = await subscription.Events.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await WriteCommentAsync(cancellationToken);
                continue;
            }

            if (!more)
            {
                return;
            }

            while (subscription.Events.TryRead(out var change))
            {
                if (change.Version <= sent)
                {
                    continue;
                }

                await WriteEventAsync(change.Version, change.Order, cancellationToken);
                sent = change.Version;
                if (change.IsFinal)
                {
                    return;
                }
            }
        }
    }

    private async Task WriteEventAsync(int version, OrderResponse order, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(order, json.Value.JsonSerializerOptions);
        await Response.WriteAsync(
            string.Create(CultureInfo.InvariantCulture, $"event: {EventName}\nid: {version}\ndata: {data}\n\n"), cancellationToken);
        await Response.Body.FlushAsync(cancellationToken);
        LiveMetrics.MessageSent(LiveMetrics.Sse, EventName);
    }

    private async Task WriteCommentAsync(CancellationToken cancellationToken)
    {
        await Response.WriteAsync(": keep-alive\n\n", cancellationToken);
        await Response.Body.FlushAsync(cancellationToken);
    }

    private ObjectResult NotFoundProblem(int id) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"Order {id} was not found.");

    private static bool TryParseLastEventId(string? lastEventId, out int version)
    {
        version = 0;
        return string.IsNullOrEmpty(lastEventId) || int.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
