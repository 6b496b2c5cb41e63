using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.Security;

/// <summary>
/// Caps every request body at <see cref="SecurityOptions.MaxRequestBodyBytes"/> with the server's own limit, first
/// thing: whatever answers the request, nothing reads (or drains) more than that. A chunked body over it fails as it is
/// read (413); a declared length over it is refused by <see cref="RequestBodyLimitMiddleware"/>.
/// </summary>
internal sealed class RequestBodyCapMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = options.Value.MaxRequestBodyBytes;
        }

        return next(context);
    }
}

/// <summary>
/// Refuses a body whose declared length is over <see cref="SecurityOptions.MaxRequestBodyBytes"/> with 413 before anything
/// reads it. It runs after authorization: a caller without credentials hears 401 from a protected endpoint first.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;

        // The error page re-executes the refused request, declared length and all; it reads no body, so let it render.
        if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
