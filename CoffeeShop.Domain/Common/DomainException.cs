namespace CoffeeShop.Domain.Common;

/// <summary>A rule of the domain was broken; the message is safe to show to the caller.</summary>
public class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DomainException()
    {
    }
}
