using AutoMapper;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.Contracts.Options;

namespace CoffeeShop.Web.Mapping;

/// <summary>
/// A menu item as the versioned API shows it: the profile's map plus the option groups it offers, resolved through one
/// <see cref="OptionCatalog"/> that the caller reads once per request (a list of items costs one read, not one per item).
/// </summary>
public static class MenuItemResponses
{
    public static MenuItemResponse ToMenuItemResponse(this IMapper mapper, MenuItem item, OptionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(catalog);
        var response = mapper.Map<MenuItemResponse>(item);
        response.OptionGroups = mapper.Map<IReadOnlyList<OptionGroupResponse>>(catalog.For(item));
        return response;
    }
}
