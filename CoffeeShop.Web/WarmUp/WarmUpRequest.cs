using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace CoffeeShop.Web.WarmUp;

/// <summary>
/// A GET made in process, without a connection: the features a server would give the app, a response body that
/// goes nowhere, and a marker so that the rate limiter, the request log and the metrics leave it out.
/// </summary>
internal sealed class WarmUpRequest
{
    private static readonly WarmUpRequest Marker = new();

    private WarmUpRequest()
    {
    }

    public static bool Is(HttpContext context) => context.Features.Get<WarmUpRequest>() is not null;

    /// <summary>Sends the GET and returns its status code, or 500 when the pipeline itself threw.</summary>
    public static async Task<int> SendAsync<TContext>(IHttpApplication<TContext> application, string host, string path, CancellationToken cancellationToken)
        where TContext : notnull
    {
        var response = new Response();
        var features = new FeatureCollection();
        var request = new HttpRequestFeature
        {
            Method = HttpMethods.Get,
            Scheme = Uri.UriSchemeHttps, // as a client behind HTTPS redirection would arrive
            Protocol = "HTTP/1.1",
            Path = path,
            RawTarget = path,
        };
        request.Headers.Host = host;
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = cancellationToken });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            ConnectionId = "warm-up",
            RemoteIpAddress = IPAddress.Loopback,
            LocalIpAddress = IPAddress.Loopback,
        });
        features.Set(Marker);

        var context = application.CreateContext(features);
        if (features.Get<IHttpMetricsTagsFeature>() is { } metrics)
        {
            metrics.MetricsDisabled = true;
        }

        Exception? failure = null;
        try
        {
            await application.ProcessRequestAsync(context);
            await response.StartAsync();
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        // As a server does: the response's completion callbacks (which dispose the request's services) run last.
        await response.CompleteAsync();
        application.DisposeContext(context, failure);
        return failure is null ? response.StatusCode : StatusCodes.Status500InternalServerError;
    }

    /// <summary>A response feature that runs its callbacks, in the order a server runs them.</summary>
    private sealed class Response : HttpResponseFeature
    {
        private readonly Stack<(Func<object, Task> Callback, object State)> _starting = new();
        private readonly Stack<(Func<object, Task> Callback, object State)> _completed = new();
        private bool _started;

        public override bool HasStarted => _started;

        public override void OnStarting(Func<object, Task> callback, object state) => _starting.Push((callback, state));

        public override void OnCompleted(Func<object, Task> callback, object state) => _completed.Push((callback, state));

        public async Task StartAsync()
        {
            _started = true;
            while (_starting.TryPop(out var next))
            {
                await next.Callback(next.State);
            }
        }

        public async Task CompleteAsync()
        {
            while (_completed.TryPop(out var next))
            {
                await next.Callback(next.State);
            }
        }
    }
}
