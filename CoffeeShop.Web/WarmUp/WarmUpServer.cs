using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CoffeeShop.Web.WarmUp;

/// <summary>
/// The server (Kestrel), except that before it opens its port the app answers its busiest reads in process, through
/// the whole pipeline, until the JIT has nothing left to compile for them. Otherwise the first visitors after a
/// start or a deploy are served by unoptimized code for several seconds while tiered compilation catches up; this
/// way an instance takes traffic only once it serves at full speed (and with the menu already in the output cache).
/// </summary>
internal sealed partial class WarmUpServer(
    IServer server, IOptions<WarmUpOptions> options, IOptions<HostFilteringOptions> hosts, ILogger<WarmUpServer> logger) : IServer
{
    public IFeatureCollection Features => server.Features;

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        if (options.Value.Enabled)
        {
            await WarmUpAsync(application, options.Value, cancellationToken);
        }

        await server.StartAsync(application, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);

    public void Dispose() => server.Dispose();

    private async Task WarmUpAsync<TContext>(IHttpApplication<TContext> application, WarmUpOptions settings, CancellationToken cancellationToken)
        where TContext : notnull
    {
        var clock = Stopwatch.StartNew();
        var quiet = TimeSpan.FromMilliseconds(settings.QuietMilliseconds);
        var limit = TimeSpan.FromMilliseconds(settings.MaxMilliseconds);
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastCompiled = clock.Elapsed;
        var requests = 0;
        var host = HostName(hosts.Value.AllowedHosts);
        var paths = settings.EffectivePaths;

        // Tiered compilation promotes a method after enough calls, in the background: keep calling until a whole
        // quiet period passes with nothing newly compiled anywhere in the process.
        do
        {
            foreach (var path in paths)
            {
                requests++;
                var status = await WarmUpRequest.SendAsync(application, host, path, cancellationToken);
                if (status >= StatusCodes.Status500InternalServerError)
                {
                    // The app is not well (its database, most likely): say so once, rather than fail thousands of times.
                    LogWarmUpStopped(path, status, requests);
                    return;
                }
            }

            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastCompiled = clock.Elapsed;
            }
        }
        while (clock.Elapsed - lastCompiled < quiet && clock.Elapsed < limit);

        LogWarmedUp(requests, paths.Count, (long)clock.Elapsed.TotalMilliseconds, compiled);
    }

    /// <summary>A host name that host filtering lets through: the first one allowed (under a wildcard, a name in it).</summary>
    internal static string HostName(IList<string> allowedHosts)
    {
        var allowed = allowedHosts.FirstOrDefault(h => h is not ("*" or ""));
        return allowed switch
        {
            null => "localhost",
            ['*', '.', ..] => "www" + allowed[1..],
            _ => allowed,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up stopped: GET {Path} answered {Status} (request {Requests}); opening the port anyway")]
    private partial void LogWarmUpStopped(string path, int status, int requests);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up with {Requests} in-process requests to {Paths} paths in {ElapsedMs} ms ({Methods} methods compiled); opening the port")]
    private partial void LogWarmedUp(int requests, int paths, long elapsedMs, long methods);
}
