namespace CoffeeShop.Web.Security;

/// <summary>Authentication scheme names. Pages use Identity's cookie; the API uses bearer tokens or API keys, never the cookie.</summary>
public static class AuthSchemes
{
    /// <summary>Picks the cookie for pages and a bearer token or an API key for API routes.</summary>
    public const string Selector = "CoffeeShop";
    public const string Bearer = "Bearer";
    public const string ApiKey = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
}
