using CoffeeShop.Domain.Orders;

namespace CoffeeShop.Data.Entities;

/// <summary>Which order an idempotency key produced, and a hash of the request that used it first.</summary>
internal sealed class IdempotencyRecord
{
    public const int ScopeMaxLength = 100;
    public const int KeyMaxLength = 200;

    public int Id { get; set; }

    public string Scope { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string RequestHash { get; set; } = string.Empty;

    public int OrderId { get; set; }

    public Order? Order { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static IdempotencyRecord For(Order order, IdempotentRequest request) => new()
    {
        Scope = request.Scope,
        Key = request.Key,
        RequestHash = request.RequestHash,
        Order = order,
        CreatedAt = order.CreatedAt,
    };
}
