using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Models.Orders;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers;

/// <summary>The barista's queue: open orders, oldest first, with a button for each allowed next move.</summary>
[Route("barista")]
[Authorize(Roles = AppRoles.Staff)]
public sealed class BaristaController(OrderingService ordering, IMapper mapper) : PageController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(mapper.Map<IReadOnlyList<OrderViewModel>>(await ordering.ListOpenAsync(cancellationToken)));

    [HttpPost("orders/{id:int}/status")]
    public async Task<IActionResult> Move(int id, string status, CancellationToken cancellationToken)
    {
        if (!OrderStatuses.TryParse(status, out var next))
        {
            return BadRequest();
        }

        try
        {
            var order = await ordering.MoveAsync(id, next, cancellationToken);
            Flash($"Order for {order.CustomerName} is now {order.Status}.");
        }
        catch (Exception ex) when (ex is ConflictException or ConcurrencyException)
        {
            Flash($"That move was not made: {ex.Message}");
        }

        return RedirectToAction(nameof(Index));
    }
}
