namespace CoffeeShop.Domain.Common;

/// <summary>Someone else changed the thing since the caller read it (a stale version).</summary>
public sealed class ConcurrencyException : DomainException
{
    public ConcurrencyException(string message)
        : base(message)
    {
    }

    public ConcurrencyException()
    {
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
