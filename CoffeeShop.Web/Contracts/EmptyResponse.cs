namespace CoffeeShop.Web.Contracts;

/// <summary>An empty JSON object, <c>{}</c>: json-server's answer to a DELETE, kept by the compatible routes.</summary>
public sealed class EmptyResponse
{
    public static EmptyResponse Instance { get; } = new();
}
