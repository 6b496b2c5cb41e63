using AutoMapper;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Web.Contracts.Menu;
using CoffeeShop.Web.Models.Menu;

namespace CoffeeShop.Web.Mapping;

/// <summary>Menu items outbound: to the pages' view model and to both APIs' contracts.</summary>
public sealed class MenuProfile : Profile
{
    public MenuProfile()
    {
        CreateMap<MenuItem, MenuItemViewModel>()
            .ForMember(d => d.Category, o => o.MapFrom(s => s.Category.ToSlug()));
        CreateMap<MenuItem, MenuItemResponse>()
            .ForMember(d => d.Category, o => o.MapFrom(s => s.Category.ToSlug()));
        CreateMap<MenuItem, CoffeeResponse>();
    }
}
