using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Http;

/// <summary>
/// HEAD answers as GET does, without the body (RFC 9110 §9.3.2). The app runs on Kestrel here, not on the in-process
/// test server, because leaving the body out is Kestrel's part; and requests go over a raw socket where the test must
/// see the bytes on the wire, since HttpClient reads no body for a HEAD whatever the server sends.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class HeadRequestsTests
{
    /// <summary>What may differ between two answers to one URL: when they were made, and the framing of a body.</summary>
    private static readonly string[] Incidental = ["date", "age", "transfer-encoding"];

    private CoffeeShopWebFactory _factory = null!;
    private HttpClient _client = null!;
    private Uri _baseAddress = null!;
    private int _menuItemId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _factory = new CoffeeShopWebFactory();
        _baseAddress = _factory.StartOnLoopback();
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _baseAddress };
        _menuItemId = (await _factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails())).Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [TestCase("/coffee/hot", HttpStatusCode.OK, "x-total-count")]
    [TestCase("/api/v1/menu-items/{id}", HttpStatusCode.OK, "etag")]
    [TestCase("/menu", HttpStatusCode.OK, "content-type")]
    [TestCase("/health/live", HttpStatusCode.OK, "cache-control")]
    [TestCase("/api/v1/menu-items/987654", HttpStatusCode.NotFound, "content-type")]
    [TestCase("/api/v1/orders", HttpStatusCode.Unauthorized, "www-authenticate")]
    [TestCase("/orders", HttpStatusCode.Redirect, "location")]
    public async Task Head_AnyGetRoute_AnswersGetsStatusAndHeadersWithoutBody(string route, HttpStatusCode status, string header)
    {
        var url = route.Replace("{id}", _menuItemId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var get = await SendOverTheWireAsync("GET", url);
        var head = await SendOverTheWireAsync("HEAD", url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(get.Status, Is.EqualTo(status), $"GET {url}");
            Assert.That(head.Status, Is.EqualTo(status), $"HEAD {url}");
            // A GET answered with no body (the redirect) gets "Content-Length: 0" from Kestrel's framing, which a
            // HEAD may leave out (RFC 9110 §9.3.2); a length the app sets is kept (see the cached HEAD below).
            Assert.That(head.Headers, Is.EqualTo(get.Headers.Where(h => h != "content-length: 0")));
            Assert.That(head.Headers, Has.Some.StartsWith(header + ":"));
            Assert.That(head.Body, Is.Empty, "Kestrel sends no body for HEAD");
        }
    }

    [Test]
    public async Task Head_BeforeAnyGet_LeavesNothingInTheCacheThatAGetWouldBeServed()
    {
        var url = Unique("/coffee/hot");
        var head = await SendOverTheWireAsync("HEAD", url);
        Assert.That(head.Status, Is.EqualTo(HttpStatusCode.OK));

        var (first, firstAge) = await GetCoffeeListAsync(url);
        var (cached, cachedAge) = await GetCoffeeListAsync(url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.Not.Empty, "the GET after the HEAD carries the whole list");
            Assert.That(firstAge, Is.Null, "a GET is never served the HEAD's cache entry");
            Assert.That(cachedAge, Is.Not.Null, "the GET's own entry serves the next GET");
            Assert.That(cached, Is.EqualTo(first));
        }
    }

    [Test]
    public async Task Head_AfterGet_AnswersWithTheGetsHeadersAndIsServedFromTheCache()
    {
        var url = Unique("/coffee/hot");
        var get = await SendOverTheWireAsync("GET", url);
        var cachedGet = await SendOverTheWireAsync("GET", url);

        var head = await SendOverTheWireAsync("HEAD", url);
        var cachedHead = await SendOverTheWireAsync("HEAD", url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(head.Headers, Is.EqualTo(get.Headers));
            Assert.That(cachedHead.Headers, Is.EqualTo(cachedGet.Headers), "Content-Length included");
            Assert.That(cachedHead.Headers, Has.Some.StartsWith("content-length:"));
            Assert.That(cachedHead.Age, Is.Not.Null, "the repeated HEAD comes from the cache, as the repeated GET does");
            Assert.That(cachedHead.Body, Is.Empty);
        }
    }

    [Test]
    public async Task Head_AfterAMenuWrite_ShowsTheChange()
    {
        var url = Unique("/coffee/hot");
        await SendOverTheWireAsync("HEAD", url);
        var cached = await SendOverTheWireAsync("HEAD", url);
        Assert.That(cached.Age, Is.Not.Null, "the second HEAD comes from the cache");

        await _factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails());
        var after = await SendOverTheWireAsync("HEAD", url);

        Assert.That(int.Parse(after.Header("x-total-count"), CultureInfo.InvariantCulture), Is.EqualTo(int.Parse(cached.Header("x-total-count"), CultureInfo.InvariantCulture) + 1));
    }

    [Test]
    public async Task Head_OnAPostOnlyRoute_Returns405AllowingPost()
    {
        var head = await SendOverTheWireAsync("HEAD", "/api/v1/auth/token");

        Assert.That(head.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(head.Header("allow"), Is.EqualTo("POST"));
    }

    /// <summary>The URL with a query key no drink has (json-server ignores it), so the test starts with a cold cache.</summary>
    private static string Unique(string path) => $"{path}?probe={Guid.NewGuid():N}";

    private async Task<(string Body, TimeSpan? Age)> GetCoffeeListAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadAsStringAsync();
        var count = int.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);
        using var list = JsonDocument.Parse(body);
        Assert.That(list.RootElement.GetArrayLength(), Is.EqualTo(count).And.Positive, "the body holds the X-Total-Count drinks");
        return (body, response.Headers.Age);
    }

    /// <summary>Sends one request on a new connection that the server closes after answering, and returns every byte it sent.</summary>
    private async Task<WireResponse> SendOverTheWireAsync(string method, string url)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_baseAddress.Host, _baseAddress.Port, timeout.Token);
        await using var stream = tcp.GetStream();
        var request = $"{method} {url} HTTP/1.1\r\nHost: {_baseAddress.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return WireResponse.Parse(received.ToArray());
    }

    /// <summary>An HTTP/1.1 response as sent: its status, its headers as "name: value" lines (lower-case names, sorted, incidental ones left out), its raw body.</summary>
    private sealed record WireResponse(HttpStatusCode Status, IReadOnlyList<string> Headers, string? Age, byte[] Body)
    {
        public static WireResponse Parse(byte[] bytes)
        {
            var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
            Assert.That(end, Is.Positive, "a complete header block");
            var lines = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
            var fields = lines.Skip(1)
                .Select(line => line.Split(':', 2))
                .Select(parts => (Name: parts[0].Trim().ToLowerInvariant(), Value: parts[1].Trim()))
                .ToList();
            return new WireResponse(
                (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture),
                fields.Where(f => !Incidental.Contains(f.Name)).Select(f => $"{f.Name}: {f.Value}").Order(StringComparer.Ordinal).ToList(),
                fields.Where(f => f.Name == "age").Select(f => f.Value).FirstOrDefault(),
                bytes[(end + 4)..]);
        }

        public string Header(string name) =>
            Headers.Single(h => h.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
    }
}
