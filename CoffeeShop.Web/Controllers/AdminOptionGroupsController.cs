using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Models.Admin;
using CoffeeShop.Web.Security;
using CoffeeShop.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CoffeeShop.Web.Controllers;

/// <summary>
/// The admin pages for option groups (milk, shots, syrups): list, create, edit, delete, over the same
/// <see cref="OptionGroupService"/> as the API. Every change carries the version the admin saw, as on the menu pages.
/// </summary>
[Route("admin/option-groups")]
[Authorize(Roles = AppRoles.Admin)]
public sealed class AdminOptionGroupsController(OptionGroupService optionGroups) : PageController
{
    public const string ConcurrencyMessage =
        "Someone else changed this option group while you were editing. The form now shows their version; make your change again.";

    public const string DeleteConcurrencyMessage =
        "Someone else changed this option group after you opened this page. Check it below and confirm again.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await optionGroups.ListAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult Create()
    {
        var form = new OptionGroupFormViewModel();
        form.AddBlankRows();
        return View("Form", form);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(OptionGroupFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.IsNew = true;
        return await SaveAsync(form, async () => await optionGroups.CreateAsync(form.Code?.Trim() ?? string.Empty, form.ToDetails(), cancellationToken), cancellationToken);
    }

    [HttpGet("{code}/edit")]
    public async Task<IActionResult> Edit(string code, CancellationToken cancellationToken)
    {
        var form = OptionGroupFormViewModel.From(await optionGroups.GetAsync(code, cancellationToken));
        form.AddBlankRows();
        return View("Form", form);
    }

    [HttpPost("{code}/edit")]
    public async Task<IActionResult> Edit(string code, OptionGroupFormViewModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.IsNew = false;
        form.Code = code;
        ModelState.Remove(nameof(form.Code));
        try
        {
            return await SaveAsync(form, async () => await optionGroups.ReplaceAsync(code, form.ToDetails(), form.Version, cancellationToken), cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // The posted values would otherwise win over the model when the form is drawn again.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, ConcurrencyMessage);
            var current = OptionGroupFormViewModel.From(await optionGroups.GetAsync(code, cancellationToken));
            current.AddBlankRows();
            return View("Form", current);
        }
    }

    [HttpGet("{code}/delete")]
    public async Task<IActionResult> Delete(string code, CancellationToken cancellationToken) =>
        View(await optionGroups.GetAsync(code, cancellationToken));

    [HttpPost("{code}/delete")]
    public async Task<IActionResult> DeleteConfirmed(string code, int version, CancellationToken cancellationToken)
    {
        try
        {
            var group = await optionGroups.GetAsync(code, cancellationToken);
            await optionGroups.DeleteAsync(code, version, cancellationToken);
            Flash($"{group.Name} was deleted.");
            return RedirectToAction(nameof(Index));
        }
        catch (Exception ex) when (ex is ConcurrencyException or ConflictException)
        {
            // A stale page, or a group a drink still offers (the API's 409): say why, and show the group as it is.
            ModelState.AddModelError(string.Empty, ex is ConcurrencyException ? DeleteConcurrencyMessage : ex.Message);
            return View(nameof(Delete), await optionGroups.GetAsync(code, cancellationToken));
        }
    }

    /// <summary>Saves a valid form through <paramref name="save"/>; the form again, with each refusal beside its field, otherwise.</summary>
    private async Task<IActionResult> SaveAsync(OptionGroupFormViewModel form, Func<Task<OptionGroup>> save, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            // The domain numbers the options without the blank rows: so does the form from here on.
            form.DropBlankRows();
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(form.Options), StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }

            try
            {
                var group = await save();
                Flash(form.IsNew ? $"{group.Name} was added." : $"{group.Name} was saved.");
                return RedirectToAction(nameof(Index));
            }
            catch (DomainValidationException invalid)
            {
                var field = FieldNames.ToForm<OptionGroupFormViewModel>(invalid.Key);
                ModelState.AddModelError(field, invalid.Message);
            }
            catch (ConflictException conflict)
            {
                // An existing group code (beside the code), or an option code another group owns (the API's 409).
                var taken = form.IsNew && (await optionGroups.ListAsync(cancellationToken)).Any(g => g.Code == form.Code?.Trim());
                ModelState.AddModelError(taken ? nameof(form.Code) : string.Empty, conflict.Message);
            }
        }

        form.AddBlankRows();
        return View("Form", form);
    }
}
