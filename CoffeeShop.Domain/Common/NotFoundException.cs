namespace CoffeeShop.Domain.Common;

/// <summary>The thing asked for does not exist (or the caller may not know that it does).</summary>
public sealed class NotFoundException : DomainException
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException()
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static NotFoundException For(string thing, object key) => new($"{thing} {key} was not found.");
}
