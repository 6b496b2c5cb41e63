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
}

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
