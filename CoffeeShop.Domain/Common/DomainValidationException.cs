namespace CoffeeShop.Domain.Common;

/// <summary>A value broke an invariant; <see cref="Field"/> names the value so the edge can show it beside its input.</summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public DomainValidationException()
    {
        Field = string.Empty;
    }

    public DomainValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    public string Field { get; }
}
