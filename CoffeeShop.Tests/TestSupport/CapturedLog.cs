using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>
/// Every log event the app writes at Warning or above (the factory's level), for tests that assert nothing went wrong
/// in the server itself (a dropped connection is only a log line). The app's Serilog reads sinks from the services.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>The events as "Level Source: message exception" lines, for assertions that print what went wrong.</summary>
    public IReadOnlyList<string> Lines => [.. _events.Select(e =>
        $"{e.Level} {(e.Properties.TryGetValue("SourceContext", out var source) ? source.ToString() : "?")}: {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {e.Exception?.GetType().Name} {e.Exception?.Message}")];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Registers this sink in the app's services.</summary>
    public void AddTo(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(this));
    }
}

/// <summary>The shared factory, with the app's log captured in <see cref="Log"/>.</summary>
public sealed class LogCapturingWebFactory(IReadOnlyDictionary<string, string?>? settings = null) : CoffeeShopWebFactory(settings)
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Log.AddTo(builder);
    }
}
