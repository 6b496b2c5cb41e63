using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Routing.Matching;

namespace CoffeeShop.Web.Http;

/// <summary>
/// Chooses among the endpoints of a route by the request's Content-Type, in place of routing's own policy, and refuses
/// with a 415 endpoint when none takes it. It differs from the framework's in two ways:
/// <list type="bullet">
/// <item>A request with no Content-Type matches only endpoints that take any media type. The framework's lets it match
/// all of them, so a route with two (PATCH as merge patch and as JSON Patch) became an ambiguous match, a 500.</item>
/// <item>The 415 endpoint carries the authorization of the endpoints it refused, so authorization runs first: a caller
/// without credentials hears 401 from a protected route, and learns nothing about what it would accept.</item>
/// </list>
/// </summary>
internal sealed class MediaTypeMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <summary>Where the framework's policy runs: after the HTTP method, before the rest.</summary>
    public override int Order => -100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Any(e => AcceptedBy(e) is not null);
    }

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        var contentType = httpContext.Request.ContentType;
        MediaType? requested = string.IsNullOrEmpty(contentType) ? null : new MediaType(contentType);

        List<Endpoint>? refused = null;
        var anyLeft = false;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i))
            {
                continue;
            }

            var endpoint = candidates[i].Endpoint;
            if (AcceptedBy(endpoint) is not { } accepted || Takes(accepted, requested))
            {
                anyLeft = true;
                continue;
            }

            candidates.SetValidity(i, false);
            (refused ??= []).Add(endpoint);
        }

        if (!anyLeft && refused is not null)
        {
            httpContext.SetEndpoint(UnsupportedMediaTypeEndpoint.For(refused));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The media types an endpoint takes, or null when it takes any (or reads no body): the last declaration that names
    /// some, so the empty one <see cref="MediaTypeRouting"/> appends for the framework's policy is passed over.
    /// </summary>
    internal static IReadOnlyList<string>? AcceptedBy(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().LastOrDefault(m => m.ContentTypes.Count > 0)?.ContentTypes;

    private static bool Takes(IReadOnlyList<string> accepted, MediaType? requested)
    {
        foreach (var type in accepted)
        {
            var candidate = new MediaType(type);
            if (candidate.MatchesAllTypes || (requested is { } request && request.IsSubsetOf(candidate)))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Keeps routing's own Content-Type policy off the endpoints whatever registers it: an endpoint that declares media
/// types gets a last, empty declaration, and the framework's policy reads only the last one, so it takes the endpoint
/// for one that accepts anything. <c>AddCoffeeShopWeb</c> also removes that policy, but an <c>AddRouting</c> called
/// later (<c>AddGrpc</c> and <c>AddSignalR</c> call one) registers it again.
/// </summary>
internal static class MediaTypeRouting
{
    /// <summary>Runs last on each endpoint, after MVC has added its own media-type metadata.</summary>
    public static TBuilder KeepFrameworkMediaTypePolicyOff<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any(m => m.ContentTypes.Count > 0))
            {
                endpoint.Metadata.Add(AnyMediaType.Instance);
            }
        });
        return builder;
    }

    private sealed class AnyMediaType : IAcceptsMetadata
    {
        public static readonly AnyMediaType Instance = new();

        public IReadOnlyList<string> ContentTypes => [];

        public Type? RequestType => null;

        public bool IsOptional => false;
    }
}

/// <summary>The answer of <see cref="MediaTypeMatcherPolicy"/> when no endpoint of the route takes the request's Content-Type.</summary>
internal static class UnsupportedMediaTypeEndpoint
{
    public const string DisplayName = "415 HTTP Unsupported Media Type";

    /// <summary>
    /// A 415 endpoint behind the authorization the refused endpoints share: none when one of them is anonymous, their
    /// own when they all ask the same, and a signed-in caller otherwise.
    /// </summary>
    public static Endpoint For(IReadOnlyList<Endpoint> refused)
    {
        var accepted = refused.SelectMany(e => MediaTypeMatcherPolicy.AcceptedBy(e) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new Endpoint(context => WriteAsync(context, accepted), new EndpointMetadataCollection(Authorization(refused)), DisplayName);
    }

    private static object[] Authorization(IReadOnlyList<Endpoint> refused)
    {
        if (refused.Any(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
        {
            return [new AllowAnonymousAttribute()];
        }

        var rules = refused.Select(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()).ToList();
        var first = rules[0];
        return rules.All(r => r.Select(Describe).SequenceEqual(first.Select(Describe)))
            ? [.. first]
            : [new AuthorizeAttribute()];
    }

    private static string Describe(IAuthorizeData rule) => $"{rule.Policy}|{rule.Roles}|{rule.AuthenticationSchemes}";

    private static async Task WriteAsync(HttpContext context, string[] accepted)
    {
        var list = string.Join(", ", accepted);
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        if (HttpMethods.IsPatch(context.Request.Method))
        {
            // RFC 5789 §3.1: a PATCH refused for its media type says which patch formats the resource takes.
            context.Response.Headers["Accept-Patch"] = list;
        }

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "Unsupported Media Type",
            Detail = string.IsNullOrEmpty(context.Request.ContentType)
                ? $"The request has no Content-Type. Send the body as {list}."
                : $"This endpoint does not take that Content-Type. Send the body as {list}.",
            Extensions = { ["acceptedMediaTypes"] = accepted },
        };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
