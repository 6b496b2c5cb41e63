using AutoMapper;
using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Models.Admin;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers;

/// <summary>
/// The admin pages for the menu: list, create, edit, mark (un)available, delete. The same <see cref="MenuService"/>
/// as both APIs; every change carries the version the admin saw, so nobody overwrites a change unseen.
/// </summary>
[Route("admin/menu")]
[Authorize(Roles = AppRoles.Admin)]
public sealed class AdminMenuController(MenuService menu, OptionGroupService optionGroups, IMapper mapper) : PageController
{
    public const string ConcurrencyMessage =
        "Someone else changed this item while you were editing. The form now shows their version; make your change again.";

    public const string DeleteConcurrencyMessage =
        "Someone else changed this item after you opened this page. Check it below and confirm again.";

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var query = new MenuItemQuery { Page = Math.Max(page, 1), PageSize = MenuItemQuery.MaxPageSize };
        var result = await menu.ListAsync(query, cancellationToken);
        return View(new AdminMenuIndexViewModel
        {
            Items = mapper.Map<IReadOnlyList<AdminMenuItemViewModel>>(result.Items),
            Page = result.Page,
            TotalPages = result.TotalPages,
            TotalCount = result.TotalCount,
        });
    }

    [HttpPost("{id:int}/availability")]
    public async Task<IActionResult> SetAvailability(int id, bool isAvailable, int version, CancellationToken cancellationToken)
    {
        try
        {
            var item = await menu.SetAvailabilityAsync(id, isAvailable, version, cancellationToken);
            Flash(item.IsAvailable ? $"{item.Title} is available again." : $"{item.Title} is marked unavailable.");
        }
        catch (ConcurrencyException)
        {
            FlashWarning("That item was changed by someone else, so nothing was changed. The list now shows it as it is; try again.");
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        await FormAsync(new MenuItemFormViewModel(), cancellationToken);

    [HttpPost("new")]
    public async Task<IActionResult> Create(MenuItemFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = 0;
        if (!ModelState.IsValid)
        {
            return await FormAsync(form, cancellationToken);
        }

        try
        {
            DropBlankSizes(form);
            var item = await menu.CreateAsync(form.ToDetails(), cancellationToken);
            Flash($"{item.Title} was added to the {item.Category.ToSlug()} menu.");
            return RedirectToAction(nameof(Index));
        }
        catch (DomainException ex) when (ShowBesideField(ex))
        {
            return await FormAsync(form, cancellationToken);
        }
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await FormAsync(mapper.Map<MenuItemFormViewModel>(await menu.GetAsync(id, cancellationToken)), cancellationToken);

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, MenuItemFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        if (!ModelState.IsValid)
        {
            return await FormAsync(form, cancellationToken);
        }

        try
        {
            DropBlankSizes(form);
            var item = await menu.ReplaceAsync(id, form.ToDetails(), form.Version, cancellationToken);
            Flash($"{item.Title} was saved.");
            return RedirectToAction(nameof(Index));
        }
        catch (ConcurrencyException)
        {
            var current = await menu.GetAsync(id, cancellationToken);

            // The posted values would otherwise win over the model when the form is drawn again.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, ConcurrencyMessage);
            return await FormAsync(mapper.Map<MenuItemFormViewModel>(current), cancellationToken);
        }
        catch (DomainException ex) when (ShowBesideField(ex))
        {
            return await FormAsync(form, cancellationToken);
        }
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        View(mapper.Map<AdminMenuItemViewModel>(await menu.GetAsync(id, cancellationToken)));

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> DeleteConfirmed(int id, int version, CancellationToken cancellationToken)
    {
        try
        {
            var item = await menu.GetAsync(id, cancellationToken);
            await menu.DeleteAsync(id, version, cancellationToken);
            Flash($"{item.Title} was deleted from the menu.");
            return RedirectToAction(nameof(Index));
        }
        catch (ConcurrencyException)
        {
            var current = await menu.GetAsync(id, cancellationToken);
            ModelState.AddModelError(string.Empty, DeleteConcurrencyMessage);
            return View(nameof(Delete), mapper.Map<AdminMenuItemViewModel>(current));
        }
    }

    /// <summary>The form, with blank size rows to fill and every option group to tick.</summary>
    private async Task<ViewResult> FormAsync(MenuItemFormViewModel form, CancellationToken cancellationToken)
    {
        form.AddBlankSizes();
        form.AvailableGroups = [.. (await optionGroups.ListAsync(cancellationToken)).Select(g => (g.Code, g.Name))];
        return View("Form", form);
    }

    /// <summary>The domain numbers the sizes without the blank rows: so does the form from here on (its posted values too).</summary>
    private void DropBlankSizes(MenuItemFormViewModel form)
    {
        form.DropBlankSizes();
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(form.Sizes), StringComparison.Ordinal) || k == nameof(form.DefaultSize)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    /// <summary>
    /// Puts a refused value beside its field: an invariant broken (the field the domain names) or a duplicate
    /// title. False for anything else, which is left to the error page.
    /// </summary>
    private bool ShowBesideField(DomainException exception)
    {
        switch (exception)
        {
            case DomainValidationException invalid:
                // An unknown group code (OptionGroupCodes[i]) has no box of its own: the message goes on the groups.
                var field = FieldNames.ToForm<MenuItemFormViewModel>(invalid.Key);
                ModelState.AddModelError(field.StartsWith($"{nameof(MenuItemFormViewModel.OptionGroupCodes)}[", StringComparison.Ordinal) ? nameof(MenuItemFormViewModel.OptionGroupCodes) : field, invalid.Message);
                return true;
            case ConflictException duplicate:
                ModelState.AddModelError(nameof(MenuItemFormViewModel.Title), duplicate.Message);
                return true;
            default:
                return false;
        }
    }
}
