using System.Globalization;
using System.Net;
using System.Text;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Serilog.Events;

namespace CoffeeShop.Tests.Integration.Web.Http;

/// <summary>
/// A body refused before it was read to the end (too deeply nested JSON) leaves the connection usable: the next request
/// on the same keep-alive connection is answered, and the server logs nothing abnormal. Only a real socket shows this
/// (the in-memory test server has no connection to drop): the app runs on Kestrel at 127.0.0.1, and one connection
/// carries every request of a test. Bodies go in one write, in small pieces, chunked, and from a slow client whose body
/// is still arriving while the server waits (and Kestrel's once-a-second heartbeat checks the read).
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class RefusedBodyConnectionTests
{
    private const int Repetitions = 120;
    private const int Depth = 5000;

    /// <summary>Deeply nested bodies of several shapes, each far past the serializer's depth limit.</summary>
    private static readonly (string Name, string Json)[] DeepBodies =
    [
        ("arrays", new string('[', Depth) + new string(']', Depth)),
        ("objects", string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1" + new string('}', Depth)),
        ("unclosed arrays", new string('[', Depth)),
        ("order lines", "{\"customerName\":\"Ann\",\"lines\":" + new string('[', Depth) + new string(']', Depth) + "}"),
        ("objects in arrays", string.Concat(Enumerable.Repeat("{\"a\":[", Depth / 2)) + "1" + string.Concat(Enumerable.Repeat("]}", Depth / 2))),
        ("60 KB of arrays", new string('[', 12 * Depth)),
    ];

    /// <summary>Every route that reads a JSON body, with the media type it takes.</summary>
    private static readonly (string Method, string Path, string MediaType)[] BodyRoutes =
    [
        ("POST", "/api/v1/auth/token", "application/json"),
        ("POST", "/api/v1/orders", "application/json"),
        ("POST", "/api/v1/menu-items", "application/json"),
        ("PUT", "/api/v1/menu-items/1", "application/json"),
        ("PATCH", "/api/v1/menu-items/1", "application/merge-patch+json"),
        ("PATCH", "/api/v1/menu-items/1", "application/json-patch+json"),
        ("PUT", "/api/v1/orders/1/status", "application/json"),
        ("POST", "/coffee/hot", "application/json"),
        ("PUT", "/coffee/hot/1", "application/json"),
        ("PATCH", "/coffee/hot/1", "application/merge-patch+json"),
        ("POST", "/api/v1/api-keys", "application/json"),
    ];

    private LogCapturingWebFactory _factory = null!;
    private Uri _baseAddress = null!;
    private Dictionary<string, string> _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new LogCapturingWebFactory();
        _baseAddress = _factory.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = _baseAddress };
        var email = await _factory.CreateUserAsync(AppRoles.Admin);
        _admin = new Dictionary<string, string> { ["Authorization"] = "Bearer " + await CoffeeShopWebFactory.GetTokenAsync(client, email) };
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _factory.DisposeAsync();

    [TestCase(int.MaxValue, false, TestName = "{m}(one write)")]
    [TestCase(1024, false, TestName = "{m}(1 KB writes)")]
    [TestCase(100, false, TestName = "{m}(100 B writes)")]
    [TestCase(4096, true, TestName = "{m}(chunked, 4 KB)")]
    [TestCase(300, true, TestName = "{m}(chunked, 300 B)")]
    public async Task DeeplyNestedBodies_ManyOnOneConnection_EachAnswered400AndTheConnectionServesTheNext(int segmentBytes, bool chunked)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var connection = await KeepAliveConnection.OpenAsync(_baseAddress, timeout.Token);
        connection.SegmentBytes = segmentBytes;
        connection.Chunked = chunked;

        var answered = await SendInterleavedAsync(connection, Repetitions, timeout.Token);

        Assert.That(answered, Is.EqualTo(2 * Repetitions), "every answer came on the one connection");
        AssertNothingAbnormalLogged();
    }

    [Test]
    public async Task DeeplyNestedBodies_FromASlowClient_EachAnswered400AndTheConnectionServesTheNext()
    {
        // The pause is the client's, not a wait for the server: the server's read is pending across a heartbeat tick.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var connection = await KeepAliveConnection.OpenAsync(_baseAddress, timeout.Token);
        connection.SegmentBytes = 40;
        connection.PauseAfterFirstSegment = TimeSpan.FromMilliseconds(1100);

        var answered = await SendInterleavedAsync(connection, 3, timeout.Token);

        Assert.That(answered, Is.EqualTo(6));
        AssertNothingAbnormalLogged();
    }

    [Test]
    public async Task ChunkedBodyOverTheLimit_Answers413AndClosesTheConnectionCleanly()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var connection = await KeepAliveConnection.OpenAsync(_baseAddress, timeout.Token);
        connection.Chunked = true;
        connection.SegmentBytes = 8192;
        var headers = new Dictionary<string, string>(_admin) { ["Content-Type"] = "application/json" };

        var refused = await connection.SendAsync("POST", "/api/v1/orders", headers, Encoding.UTF8.GetBytes(new string('[', 100_000)), timeout.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(refused.Headers["Content-Type"], Does.StartWith(ProblemDetailsReader.MediaType));
            Assert.That(refused.Headers["Connection"], Is.EqualTo("close"), "the rest of the body is not worth reading: the server says it closes");
        }

        AssertNothingAbnormalLogged();
    }

    /// <summary>Sends deep bodies to the body routes in turn, each followed by a valid GET; returns how many answers came.</summary>
    private async Task<int> SendInterleavedAsync(KeepAliveConnection connection, int repetitions, CancellationToken cancellationToken)
    {
        var answered = 0;
        for (var i = 0; i < repetitions; i++)
        {
            var (name, json) = DeepBodies[i % DeepBodies.Length];
            var (method, path, mediaType) = BodyRoutes[i % BodyRoutes.Length];
            var headers = new Dictionary<string, string>(_admin) { ["Content-Type"] = mediaType };
            var what = string.Create(CultureInfo.InvariantCulture, $"#{i}: {name} to {method} {path}");

            var refused = await connection.SendAsync(method, path, headers, Encoding.UTF8.GetBytes(json), cancellationToken);
            answered++;
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), $"{what}: {refused.Body}");
            Assert.That(refused.Headers["Content-Type"], Does.StartWith(ProblemDetailsReader.MediaType), what);
            Assert.That(refused.Headers.ContainsKey("Connection"), Is.False, $"{what}: the server keeps the connection");

            var valid = await connection.SendAsync("GET", "/api/v1/menu-items/1", null, null, cancellationToken);
            answered++;
            Assert.That(valid.Status, Is.EqualTo(HttpStatusCode.OK), $"{what}: the request after it");
        }

        return answered;
    }

    private void AssertNothingAbnormalLogged()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_factory.Log.Lines, Has.None.Contains("abnormally").And.None.Contains("Reading is already in progress"));
            Assert.That(_factory.Log.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage(CultureInfo.InvariantCulture)), Is.Empty);
        }
    }
}
