using AutoMapper;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Contracts.Orders;
using CoffeeShop.Web.Models.Orders;

namespace CoffeeShop.Web.Mapping;

/// <summary>Orders outbound, to the API contract and to the pages' view model. The currency is filled in by the caller.</summary>
public sealed class OrderProfile : Profile
{
    public OrderProfile()
    {
        CreateMap<OrderLine, OrderLineResponse>()
            .ForMember(d => d.Size, o => o.MapFrom(s => s))
            .ForMember(d => d.LineTotal, o => o.MapFrom(s => s.Subtotal));
        CreateMap<OrderLine, OrderLineSizeResponse>()
            .ForMember(d => d.Code, o => o.MapFrom(s => s.SizeCode))
            .ForMember(d => d.Name, o => o.MapFrom(s => s.SizeName));
        CreateMap<OrderLineOption, OrderLineOptionResponse>();
        CreateMap<Order, OrderResponse>()
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status.ToString()))
            .ForMember(d => d.Currency, o => o.Ignore());
        CreateMap<OrderLineOption, OrderLineOptionViewModel>();
        CreateMap<OrderLine, OrderLineViewModel>();
        CreateMap<Order, OrderViewModel>()
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status.ToString()))
            .ForMember(d => d.CanCancel, o => o.MapFrom(s => s.CanMoveTo(OrderStatus.Cancelled, OrderActor.Customer)))
            .ForMember(d => d.NextMoves, o => o.MapFrom(s => OrderViewModel.StaffMovesFrom(s)));
    }
}
