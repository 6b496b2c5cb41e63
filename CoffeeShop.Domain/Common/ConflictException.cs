namespace CoffeeShop.Domain.Common;

/// <summary>The request contradicts the current state (a duplicate, a refused status move).</summary>
public sealed class ConflictException : DomainException
{
    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException()
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
