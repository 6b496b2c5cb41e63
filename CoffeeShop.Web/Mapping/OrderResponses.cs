using AutoMapper;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Web.Contracts.Orders;
using CoffeeShop.Web.Shop;

namespace CoffeeShop.Web.Mapping;

/// <summary>The order as every JSON front end shows it (the API, the hub, the event stream): the profile's map plus the shop's currency.</summary>
public static class OrderResponses
{
    public static OrderResponse ToOrderResponse(this IMapper mapper, Order order, PriceFormatter prices)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(prices);
        var response = mapper.Map<OrderResponse>(order);
        response.Currency = prices.Currency;
        return response;
    }
}
