namespace CoffeeShop.Web.Models.Common;

public sealed class ErrorViewModel
{
    public int StatusCode { get; init; }

    public required string TraceId { get; init; }

    public string Title => StatusCode switch
    {
        400 => "That request didn't look right",
        401 => "Please sign in",
        403 => "That page isn't for you",
        404 => "We couldn't find that page",
        429 => "Slow down a little",
        _ => "Something went wrong on our side",
    };

    public string Message => StatusCode switch
    {
        400 => "Something in the request was missing or malformed. Go back and try again.",
        401 => "You need to sign in to see this page.",
        403 => "Your account doesn't have access to this page.",
        404 => "The page may have moved, or the drink may no longer be on the menu.",
        429 => "You've made a lot of requests in a short time. Wait a moment and try again.",
        _ => "We've been told about it. Please try again in a moment.",
    };
}
