using CoffeeShop.Domain.Common;

namespace CoffeeShop.Domain.Orders;

/// <summary>An idempotency key came back with a different request than the one it was first used for.</summary>
public sealed class IdempotencyKeyReusedException : DomainException
{
    public IdempotencyKeyReusedException(string message)
        : base(message)
    {
    }

    public IdempotencyKeyReusedException()
    {
    }

    public IdempotencyKeyReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
