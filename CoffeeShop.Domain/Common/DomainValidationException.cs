namespace CoffeeShop.Domain.Common;

/// <summary>A value broke an invariant; <see cref="Key"/> names the value so each front end can show it beside its input.</summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(FieldKey key, string message)
        : base(message)
    {
        Key = key;
    }

    public DomainValidationException()
    {
        Key = FieldKey.None;
    }

    public DomainValidationException(string message)
        : base(message)
    {
        Key = FieldKey.None;
    }

    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = FieldKey.None;
    }

    public FieldKey Key { get; }
}
