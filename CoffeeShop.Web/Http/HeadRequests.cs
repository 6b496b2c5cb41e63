using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CoffeeShop.Web.Http;

/// <summary>
/// Every GET also answers HEAD (RFC 9110 §9.3.2): the same status and headers, no body. HEAD becomes one more
/// method of the GET endpoint itself, so routing (and the Allow header of a 405), authorization and the output cache
/// treat it as they treat GET; the action runs as for GET, and Kestrel sends the headers and drops the body.
/// </summary>
internal static class HeadRequests
{
    /// <summary>Adds HEAD to the endpoints this builder maps with GET (minimal endpoints, e.g. the OpenAPI document).</summary>
    public static TBuilder AnswerHeadLikeGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => AddHead(endpoint.Metadata));
        return builder;
    }

    /// <summary>Replaces each HTTP method list in <paramref name="metadata"/> that has GET but not HEAD by one with both.</summary>
    public static void AddHead(IList<object> metadata)
    {
        for (var i = 0; i < metadata.Count; i++)
        {
            if (metadata[i] is IHttpMethodMetadata allowed && WithHead(allowed.HttpMethods) is { } methods)
            {
                metadata[i] = new HttpMethodMetadata(methods, allowed.AcceptCorsPreflight);
            }
        }
    }

    /// <summary><paramref name="methods"/> and HEAD when they allow GET and not HEAD; otherwise null (nothing to change).</summary>
    public static string[]? WithHead(IEnumerable<string> methods)
    {
        var list = methods.ToList();
        return list.Exists(HttpMethods.IsGet) && !list.Exists(HttpMethods.IsHead) ? [.. list, HttpMethods.Head] : null;
    }
}

/// <summary>
/// <see cref="HeadRequests"/> for controllers: HEAD joins GET in each action's selectors, both in the endpoint
/// metadata that routing reads and in the action constraint that MVC and the API explorer read, so all agree.
/// </summary>
internal sealed class HeadLikeGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        foreach (var selector in action.Selectors)
        {
            HeadRequests.AddHead(selector.EndpointMetadata);
            for (var i = 0; i < selector.ActionConstraints.Count; i++)
            {
                if (selector.ActionConstraints[i] is HttpMethodActionConstraint allowed && HeadRequests.WithHead(allowed.HttpMethods) is { } methods)
                {
                    selector.ActionConstraints[i] = new HttpMethodActionConstraint(methods);
                }
            }
        }
    }
}
