using AutoMapper;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.Models.Admin;
using CoffeeShop.Web.Models.Menu;
using CoffeeShop.Web.Validation;

namespace CoffeeShop.Web.Mapping;

/// <summary>Menu items outbound: to the pages' view models and to both APIs' contracts.</summary>
public sealed class MenuProfile : Profile
{
    public MenuProfile()
    {
        CreateMap<MenuItem, MenuItemViewModel>()
            .ForMember(d => d.Category, o => o.MapFrom(s => s.Category.ToSlug()))
            .ForMember(d => d.OptionGroups, o => o.Ignore());
        CreateMap<MenuItem, MenuItemResponse>()
            .ForMember(d => d.Category, o => o.MapFrom(s => s.Category.ToSlug()))
            .ForMember(d => d.OptionGroups, o => o.Ignore());
        CreateMap<MenuItemSize, MenuItemSizeResponse>();
        CreateMap<MenuItem, CoffeeResponse>();

        CreateMap<MenuItem, AdminMenuItemViewModel>()
            .ForMember(d => d.Category, o => o.MapFrom(s => s.Category.ToSlug()));
        CreateMap<MenuItem, MenuItemFormViewModel>()
            .ForMember(d => d.Category, o => o.MapFrom(s => (MenuCategory?)s.Category))
            .ForMember(d => d.Ingredients, o => o.MapFrom(s => string.Join('\n', s.Ingredients)))
            .ForMember(d => d.Price, o => o.MapFrom(s => MenuPriceAttribute.Format(s.Price)))
            .ForMember(d => d.Sizes, o => o.MapFrom(s => s.Sizes.Select(z => new MenuItemSizeFormRow
            {
                Code = z.Code,
                Name = z.Name,
                Price = MenuPriceAttribute.Format(z.Price),
            }).ToList()))
            .ForMember(d => d.DefaultSize, o => o.MapFrom(s => s.Sizes.ToList().FindIndex(z => z.IsDefault)))
            .ForMember(d => d.AvailableGroups, o => o.Ignore());
    }
}
