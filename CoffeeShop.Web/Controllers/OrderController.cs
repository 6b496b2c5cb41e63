using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
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
public sealed class OrderController(
    OrderingService ordering, MenuService menu, OptionGroupService optionGroups, ICurrentUser caller, IMapper mapper) : PageController
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

        var chosen = form.Chosen.ToList();
        try
        {
            ShowPrices(form, chosen, chosen.Count == 0 ? [] : await ordering.PriceAsync([.. chosen.Select(l => l.ToRequest())], cancellationToken));
        }
        catch (DomainValidationException)
        {
            // The drink cannot be made as it stands (say, its default milk ran out): the form shows no price until it is changed.
        }

        return View(form);
    }

    [HttpPost("order")]
    [AllowAnonymous]
    [CountOrderRefusals(ShopMetrics.Channels.Web)]
    public async Task<IActionResult> Create(OrderFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var lineErrors = TakeLineErrors(form);
        if (form.AddLine is { } copied && copied >= 0 && copied < form.Lines.Count)
        {
            // The same drink once more, to be made another way: a fresh row just below, one cup, the usual choices.
            form.Lines.Insert(copied + 1, new OrderFormLine { MenuItemId = form.Lines[copied].MenuItemId, Quantity = 1 });
        }

        var chosen = form.Chosen.ToList();
        if (chosen.Count == 0 && form.IsPlacing)
        {
            // The form's own words for an empty order; how many lines an order may hold is the domain's rule.
            ModelState.AddModelError(nameof(form.Lines), "Choose at least one drink.");
        }

        IReadOnlyList<OrderLine>? priced = null;
        if (ModelState.IsValid && lineErrors.Count == 0 && chosen.Count > 0)
        {
            var request = new OrderRequest(
                form.CustomerName!,
                form.Notes,
                caller.UserId,
                [.. chosen.Select(l => l.ToRequest())]);
            try
            {
                if (!form.IsPlacing)
                {
                    priced = await ordering.PriceAsync(request.Lines, cancellationToken);
                }
                else
                {
                    var fingerprint = RequestFingerprint.Of(new { request.CustomerName, request.Notes, request.Lines });
                    var placed = await ordering.PlaceAsync(request, new IdempotentRequest("form", form.IdempotencyKey, fingerprint), cancellationToken);
                    if (!placed.Replayed)
                    {
                        ShopMetrics.OrderCreated(ShopMetrics.Channels.Web);
                    }

                    return RedirectToAction(nameof(Status), new { code = placed.Order.Code });
                }
            }
            catch (DomainValidationException ex) when (OrderFormFields.LineOf(ex.Key) is { } index && index < chosen.Count)
            {
                // The domain's Lines[i] is the i-th chosen drink, not the i-th row of the form.
                lineErrors.Add(OrderFormFields.OnRow(chosen[index], ex.Key, ex.Message));
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
        ShowPrices(form, chosen, priced);

        // Errors go beside the row they are about, wherever it sits in the (possibly changed) menu.
        foreach (var error in lineErrors)
        {
            ModelState.AddModelError(OrderFormFields.FieldOf(form, error), error.Message);
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

    /// <summary>The server's prices beside the rows they belong to, and the total; none when they could not be priced.</summary>
    private static void ShowPrices(OrderFormViewModel form, List<OrderFormLine> chosen, IReadOnlyList<OrderLine>? priced)
    {
        if (priced is null || priced.Count != chosen.Count)
        {
            return;
        }

        for (var i = 0; i < chosen.Count; i++)
        {
            chosen[i].LineTotal = priced[i].Subtotal;
        }

        foreach (var row in form.Lines.Where(l => l.Quantity == 0))
        {
            row.LineTotal = 0m;
        }

        form.Total = priced.Sum(l => l.Subtotal);
    }

    /// <summary>
    /// Lays the live, available menu into the form: the posted rows of each drink (or one fresh row), in menu order,
    /// keeping what the person chose; each row's sizes and option slots from the menu and the option groups.
    /// </summary>
    private async Task FillMenuAsync(OrderFormViewModel form, CancellationToken cancellationToken)
    {
        var posted = form.Lines.ToLookup(l => l.MenuItemId);
        var available = await menu.ListAsync(
            new MenuItemQuery { Available = true, PageSize = MenuItemQuery.MaxPageSize, SortBy = MenuItemSortField.Id },
            cancellationToken);
        var catalog = available.Items.Any(m => m.OptionGroupCodes.Count > 0) ? await optionGroups.CatalogAsync(cancellationToken) : OptionCatalog.Empty;
        form.Lines = [.. available.Items
            .OrderBy(m => m.Category)
            .ThenBy(m => m.Id)
            .SelectMany(m => (posted[m.Id].Any() ? posted[m.Id] : [new OrderFormLine { MenuItemId = m.Id }])
                .Select(row => OrderFormFields.Lay(row, m, catalog.For(m), fresh: !posted[m.Id].Any())))];
    }

    /// <summary>
    /// Takes the per-row entries out of ModelState, keyed by the row itself rather than its index, since the rows are
    /// laid out again from the live menu; the values shown come from the model, not from the post.
    /// </summary>
    private List<OrderFormFields.RowError> TakeLineErrors(OrderFormViewModel form)
    {
        var errors = new List<OrderFormFields.RowError>();
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Lines[", StringComparison.Ordinal)).ToList())
        {
            if (OrderFormFields.RowOf(key) is { } index && index < form.Lines.Count)
            {
                var member = key[(key.IndexOf(']', StringComparison.Ordinal) + 2)..];
                errors.AddRange(ModelState[key]!.Errors.Select(e => new OrderFormFields.RowError(form.Lines[index], member, null, e.ErrorMessage)));
            }

            ModelState.Remove(key);
        }

        return errors;
    }
}
