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

    /// <summary>Throws when the caller expected another version (from If-Match or a form) than the one stored.</summary>
    public static void ThrowIfStale(string thing, int? expectedVersion, int currentVersion)
    {
        if (expectedVersion is { } expected && expected != currentVersion)
        {
            throw new ConcurrencyException($"{thing} was changed by someone else (version {currentVersion}, expected {expected}).");
        }
    }
}
