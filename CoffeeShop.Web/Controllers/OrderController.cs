using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Http;
using CoffeeShop.Web.Models.Orders;
using CoffeeShop.Web.Observability;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers;

/// <summary>
/// The order journey for people: the form (<c>/order</c>), the confirmation and status page
/// (<c>/orders/{code}</c>) and a signed-in customer's history (<c>/orders</c>).
/// </summary>
public sealed class OrderController(OrderingService ordering, MenuService menu, ICurrentUser caller, IMapper mapper) : PageController
{
    [HttpGet("order")]
    [AllowAnonymous]
    public async Task<IActionResult> Create(int? item, CancellationToken cancellationToken)
    {
        var form = new OrderFormViewModel
        {
            CustomerName = DefaultName(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        };
        await FillMenuAsync(form, cancellationToken);
        foreach (var line in form.Lines.Where(l => l.MenuItemId == item))
        {
            line.Quantity = 1;
        }

        return View(form);
    }

    [HttpPost("order")]
    [AllowAnonymous]
    [CountOrderRefusals(ShopMetrics.Channels.Web)]
    public async Task<IActionResult> Create(OrderFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var chosen = form.Chosen.ToList();
        if (chosen.Count == 0)
        {
            // The form's own words for an empty order; how many lines an order may hold is the domain's rule.
            ModelState.AddModelError(nameof(form.Lines), "Choose at least one drink.");
        }

        var lineErrors = TakeLineErrors(form);
        if (ModelState.IsValid && lineErrors.Count == 0)
        {
            var request = new OrderRequest(
                form.CustomerName!,
                form.Notes,
                caller.UserId,
                [.. chosen.Select(l => new OrderLineRequest(l.MenuItemId, l.Quantity))]);
            var fingerprint = RequestFingerprint.Of(new { request.CustomerName, request.Notes, request.Lines });
            try
            {
                var placed = await ordering.PlaceAsync(request, new IdempotentRequest("form", form.IdempotencyKey, fingerprint), cancellationToken);
                if (!placed.Replayed)
                {
                    ShopMetrics.OrderCreated(ShopMetrics.Channels.Web);
                }

                return RedirectToAction(nameof(Status), new { code = placed.Order.Code });
            }
            catch (DomainValidationException ex) when (ex.Key.Segments is [{ Member: nameof(Order.Lines), Index: { } index }, ..] && index < chosen.Count)
            {
                // The domain's Lines[i] is the i-th chosen drink, not the i-th row of the form.
                lineErrors.Add((chosen[index].MenuItemId, ex.Message));
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddModelError(FieldNames.ToForm<OrderFormViewModel>(ex.Key) is { Length: > 0 } field ? field : nameof(form.Lines), ex.Message);
            }
            catch (IdempotencyKeyReusedException)
            {
                // The form was changed and sent again after a first submission: treat it as a new order form.
                form.IdempotencyKey = Guid.NewGuid().ToString("N");
                ModelState.Remove(nameof(form.IdempotencyKey));
                ModelState.AddModelError(string.Empty, "This form was already used for an order. Check your choices and submit again to place a new one.");
            }
        }

        await FillMenuAsync(form, cancellationToken);

        // Errors go beside the drink they are about, wherever it sits in the (possibly changed) menu.
        foreach (var (menuItemId, message) in lineErrors)
        {
            var position = form.Lines.FindIndex(l => l.MenuItemId == menuItemId);
            ModelState.AddModelError(position < 0 ? nameof(form.Lines) : $"{nameof(form.Lines)}[{position}].{nameof(OrderFormLine.Quantity)}", message);
        }

        return View(form);
    }

    [HttpGet("orders/{code}")]
    [AllowAnonymous]
    public async Task<IActionResult> Status(string code, CancellationToken cancellationToken) =>
        View(mapper.Map<OrderViewModel>(await ordering.GetByCodeAsync(code, cancellationToken)));

    [HttpPost("orders/{code}/cancel")]
    [AllowAnonymous]
    public async Task<IActionResult> Cancel(string code, CancellationToken cancellationToken)
    {
        try
        {
            await ordering.CancelByCodeAsync(code, cancellationToken);
            Flash("Your order was cancelled.");
        }
        catch (ConflictException)
        {
            Flash("This order can no longer be cancelled: the barista has already started on it.");
        }

        return RedirectToAction(nameof(Status), new { code });
    }

    [HttpGet("orders")]
    [Authorize]
    public async Task<IActionResult> History(int page = 1, CancellationToken cancellationToken = default)
    {
        var userId = caller.UserId;
        var orders = userId is null
            ? PagedResult.Empty<Order>(1, 20)
            : await ordering.ListAsync(new OrderQuery { CustomerId = userId, Page = Math.Max(page, 1), PageSize = 20 }, cancellationToken);
        return View(new OrderHistoryViewModel
        {
            Orders = mapper.Map<IReadOnlyList<OrderViewModel>>(orders.Items),
            Page = orders.Page,
            TotalPages = orders.TotalPages,
        });
    }

    private string? DefaultName()
    {
        var name = User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;
        var local = name?.Split('@')[0];
        return string.IsNullOrEmpty(local) ? null : local[..Math.Min(local.Length, OrderLimits.CustomerNameMaxLength)];
    }

    /// <summary>Lays the live, available menu into the form, keeping the quantities the person chose.</summary>
    private async Task FillMenuAsync(OrderFormViewModel form, CancellationToken cancellationToken)
    {
        var chosen = form.Lines.GroupBy(l => l.MenuItemId).ToDictionary(g => g.Key, g => g.First().Quantity);
        var available = await menu.ListAsync(
            new MenuItemQuery { Available = true, PageSize = MenuItemQuery.MaxPageSize, SortBy = MenuItemSortField.Id },
            cancellationToken);
        form.Lines = [.. available.Items
            .OrderBy(m => m.Category)
            .ThenBy(m => m.Id)
            .Select(m => new OrderFormLine
            {
                MenuItemId = m.Id,
                Title = m.Title,
                Category = m.Category.ToSlug(),
                Price = m.Price,
                Quantity = chosen.GetValueOrDefault(m.Id),
            })];
    }

    /// <summary>
    /// Takes the per-line entries out of ModelState, keyed by menu item rather than by row, since the rows are
    /// laid out again from the live menu; the quantities shown come from the model, not from the post.
    /// </summary>
    private List<(int MenuItemId, string Message)> TakeLineErrors(OrderFormViewModel form)
    {
        var errors = new List<(int, string)>();
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Lines[", StringComparison.Ordinal)).ToList())
        {
            if (RowIndex(key) is { } index && index < form.Lines.Count)
            {
                errors.AddRange(ModelState[key]!.Errors.Select(e => (form.Lines[index].MenuItemId, e.ErrorMessage)));
            }

            ModelState.Remove(key);
        }

        return errors;
    }

    /// <summary>The row in a form key such as <c>Lines[2].Quantity</c>.</summary>
    private static int? RowIndex(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(field.AsSpan(open + 1, close - open - 1), out var index) ? index : null;
    }
}
