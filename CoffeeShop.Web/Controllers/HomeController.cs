using AutoMapper;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Caching;
using CoffeeShop.Web.Models.Menu;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CoffeeShop.Web.Controllers;

/// <summary>The home page: a welcome and a few drinks to start with.</summary>
[AllowAnonymous]
public sealed class HomeController(MenuService menu, IMapper mapper) : PageController
{
    [HttpGet("/")]
    [OutputCache(PolicyName = MenuCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var featured = await menu.ListAsync(new MenuItemQuery { Available = true, PageSize = 3 }, cancellationToken);
        return View(mapper.Map<IReadOnlyList<MenuItemViewModel>>(featured.Items));
    }
}
