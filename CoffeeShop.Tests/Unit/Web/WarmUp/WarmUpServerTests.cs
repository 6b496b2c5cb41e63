using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.WarmUp;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CoffeeShop.Tests.Unit.Web.WarmUp;

[Category(TestCategories.Unit)]
public sealed class WarmUpServerTests
{
    private readonly List<string> _events = [];
    private Mock<IServer> _kestrel = null!;
    private Mock<IHttpApplication<HttpContext>> _app = null!;

    [SetUp]
    public void SetUp()
    {
        _events.Clear();
        _kestrel = new Mock<IServer>();
        _kestrel.Setup(s => s.StartAsync(It.IsAny<IHttpApplication<HttpContext>>(), It.IsAny<CancellationToken>()))
            .Callback(() => _events.Add("listening"))
            .Returns(Task.CompletedTask);
        _app = new Mock<IHttpApplication<HttpContext>>();
        _app.Setup(a => a.CreateContext(It.IsAny<IFeatureCollection>())).Returns((IFeatureCollection features) => new DefaultHttpContext(features));
        _app.Setup(a => a.ProcessRequestAsync(It.IsAny<HttpContext>())).Returns((HttpContext context) =>
        {
            _events.Add($"{context.Request.Method} {context.Request.Path} warm-up={WarmUpRequest.Is(context)}");
            context.Response.RegisterForDispose(new Disposal(() => _events.Add("request services disposed")));
            return Task.CompletedTask;
        });
    }

    [Test]
    public async Task StartAsync_SendsTheConfiguredGetsThroughTheAppBeforeTheServerListens()
    {
        var server = Server(new WarmUpOptions { Paths = ["/menu", "/coffee/hot"], QuietMilliseconds = 0 });

        await server.StartAsync(_app.Object, CancellationToken.None);

        Assert.That(_events, Is.EqualTo(new[]
        {
            "GET /menu warm-up=True", "request services disposed",
            "GET /coffee/hot warm-up=True", "request services disposed",
            "listening",
        }));
    }

    [Test]
    public async Task StartAsync_StopsAtTheLimitEvenIfTheJitNeverGoesQuiet()
    {
        var server = Server(new WarmUpOptions { Paths = ["/"], QuietMilliseconds = int.MaxValue, MaxMilliseconds = 50 });

        await server.StartAsync(_app.Object, CancellationToken.None);

        Assert.That(_events[^1], Is.EqualTo("listening"));
    }

    [Test]
    public async Task StartAsync_WhenDisabled_OnlyStartsTheServer()
    {
        var server = Server(new WarmUpOptions { Enabled = false });

        await server.StartAsync(_app.Object, CancellationToken.None);

        Assert.That(_events, Is.EqualTo(new[] { "listening" }));
    }

    [Test]
    public async Task StartAsync_WhenARequestThrows_DisposesItStopsWarmingAndStartsTheServer()
    {
        _app.Setup(a => a.ProcessRequestAsync(It.IsAny<HttpContext>())).ThrowsAsync(new InvalidOperationException("boom"));
        var server = Server(new WarmUpOptions { Paths = ["/", "/menu"], QuietMilliseconds = int.MaxValue });

        await server.StartAsync(_app.Object, CancellationToken.None);

        _app.Verify(a => a.DisposeContext(It.IsAny<HttpContext>(), It.IsAny<InvalidOperationException>()), Times.Once);
        Assert.That(_events, Is.EqualTo(new[] { "listening" }));
    }

    [Test]
    public async Task StartAsync_WhenTheAppAnswers500_StopsAtTheFirstOne()
    {
        _app.Setup(a => a.ProcessRequestAsync(It.IsAny<HttpContext>())).Returns((HttpContext context) =>
        {
            _events.Add($"GET {context.Request.Path}");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var server = Server(new WarmUpOptions { Paths = ["/", "/menu"], QuietMilliseconds = int.MaxValue });

        await server.StartAsync(_app.Object, CancellationToken.None);

        Assert.That(_events, Is.EqualTo(new[] { "GET /", "listening" }), "one failure is enough to know; thousands would flood the log");
    }

    [TestCase(new string[0], "localhost")]
    [TestCase(new[] { "*" }, "localhost")]
    [TestCase(new[] { "shop.example.com", "example.com" }, "shop.example.com")]
    [TestCase(new[] { "*.example.com" }, "www.example.com")]
    public void HostName_IsOneThatHostFilteringLetsThrough(string[] allowedHosts, string expected) =>
        Assert.That(WarmUpServer.HostName(allowedHosts), Is.EqualTo(expected));

    [Test]
    public async Task StartAsync_SendsTheHostTheSiteAllows()
    {
        string? host = null;
        _app.Setup(a => a.ProcessRequestAsync(It.IsAny<HttpContext>())).Returns((HttpContext context) =>
        {
            host = context.Request.Host.Value;
            return Task.CompletedTask;
        });
        var server = Server(new WarmUpOptions { Paths = ["/"], QuietMilliseconds = 0 }, ["shop.example.com"]);

        await server.StartAsync(_app.Object, CancellationToken.None);

        Assert.That(host, Is.EqualTo("shop.example.com"));
    }

    private WarmUpServer Server(WarmUpOptions options, string[]? allowedHosts = null) =>
        new(_kestrel.Object, Options.Create(options), Options.Create(new HostFilteringOptions { AllowedHosts = allowedHosts ?? ["*"] }),
            NullLogger<WarmUpServer>.Instance);

    private sealed class Disposal(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}
