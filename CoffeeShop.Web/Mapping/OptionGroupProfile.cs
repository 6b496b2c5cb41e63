using AutoMapper;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Web.Contracts.Options;

namespace CoffeeShop.Web.Mapping;

/// <summary>Option groups outbound, to the API contract (alone, and inside each menu item that offers them).</summary>
public sealed class OptionGroupProfile : Profile
{
    public OptionGroupProfile()
    {
        CreateMap<OptionGroup, OptionGroupResponse>();
        CreateMap<MenuOption, MenuOptionResponse>();
    }
}
