namespace CoffeeShop.Web.Security;

/// <summary>The <c>RateLimiting</c> configuration section: fixed windows per client.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>The policy for sign-in, registration and token requests.</summary>
    public const string SignInPolicy = "sign-in";

    public bool Enabled { get; set; } = true;

    /// <summary>Per client IP, for callers who are not signed in.</summary>
    public WindowLimit Anonymous { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>Per user or API key.</summary>
    public WindowLimit Authenticated { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    /// <summary>Per client IP, on the sign-in, registration and token endpoints, on top of the above.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>With Redis: the share of a limit an instance takes from the shared window per round trip (at least one permit).</summary>
    public double SharedLeaseFraction { get; set; } = 0.02;
}

public sealed class WindowLimit
{
    /// <summary>The longest window a timer can measure is about 49 days; a month is plenty for any limit.</summary>
    public const int MaxWindowSeconds = 31 * 24 * 3600;

    /// <summary>Throws a clear message at start-up for a limit the limiter could not apply.</summary>
    public void Validate(string name)
    {
        if (PermitLimit < 1 || WindowSeconds < 1 || WindowSeconds > MaxWindowSeconds)
        {
            throw new InvalidOperationException(
                $"RateLimiting:{name} needs PermitLimit ≥ 1 and WindowSeconds from 1 to {MaxWindowSeconds} (got {PermitLimit} per {WindowSeconds} s).");
        }
    }

    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
