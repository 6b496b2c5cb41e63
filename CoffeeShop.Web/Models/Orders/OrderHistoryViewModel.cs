namespace CoffeeShop.Web.Models.Orders;

public sealed class OrderHistoryViewModel
{
    public IReadOnlyList<OrderViewModel> Orders { get; init; } = [];

    public int Page { get; init; }

    public int TotalPages { get; init; }
}
