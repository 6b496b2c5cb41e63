namespace CoffeeShop.Web.Contracts.Auth;

/// <summary>A bearer token for the API: send it as <c>Authorization: Bearer {accessToken}</c>.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
