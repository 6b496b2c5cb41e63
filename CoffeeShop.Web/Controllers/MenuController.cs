using AutoMapper;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Models.Menu;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CoffeeShop.Web.Controllers;

/// <summary>The menu pages: <c>/menu</c> (hot and iced tabs, search) and <c>/menu/{id}</c>.</summary>
[AllowAnonymous]
[Route("menu")]
public sealed class MenuController(MenuService menu, OptionGroupService optionGroups, IMapper mapper) : PageController
{
    [HttpGet("")]
    [OutputCache(PolicyName = MenuCache.Policy)]
    public async Task<IActionResult> Index(string? category, string? search, CancellationToken cancellationToken)
    {
        // No tab (or an unknown one) shows the whole menu; an over-long search is cut rather than refused.
        MenuCategory? tab = MenuCategories.TryParse(category, out var parsed) ? parsed : null;
        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim()[..Math.Min(search.Trim().Length, MenuItemQuery.SearchMaxLength)];
        var page = await menu.ListAsync(
            new MenuItemQuery { Category = tab, Search = text, SortBy = MenuItemSortField.Id, PageSize = MenuItemQuery.MaxPageSize },
            cancellationToken);

        return View(new MenuIndexViewModel
        {
            Category = tab?.ToSlug() ?? MenuIndexViewModel.AllCategories,
            Search = text,
            Items = mapper.Map<IReadOnlyList<MenuItemViewModel>>(page.Items),
        });
    }

    [HttpGet("{id:int}")]
    [OutputCache(PolicyName = MenuCache.Policy)]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var item = await menu.GetAsync(id, cancellationToken);
        var model = mapper.Map<MenuItemViewModel>(item);
        if (item.OptionGroupCodes.Count > 0)
        {
            model.OptionGroups = (await optionGroups.CatalogAsync(cancellationToken)).For(item);
        }

        return View(model);
    }
}
