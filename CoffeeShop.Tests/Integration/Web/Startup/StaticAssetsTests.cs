using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Startup;

/// <summary>
/// Static files reach a browser intact. Browsers ask for compressed responses, which are served from
/// precompressed copies; a missing copy must not turn into an empty 200.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class StaticAssetsTests : IntegrationTestBase
{
    private static readonly string WebRoot = Path.GetFullPath(
        Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "CoffeeShop.Web", "wwwroot"));

    [TestCase("/css/site.css", "text/css")]
    [TestCase("/lib/bootstrap/dist/css/bootstrap.min.css", "text/css")]
    [TestCase("/images/menu/latte.svg", "image/svg+xml")]
    public async Task StaticAsset_PlainRequest_ServesTheFile(string path, string contentType)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(await File.ReadAllBytesAsync(WebRoot + path)));
    }

    [TestCase("/css/site.css", "text/css")]
    [TestCase("/lib/bootstrap/dist/css/bootstrap.min.css", "text/css")]
    [TestCase("/images/menu/latte.svg", "image/svg+xml")]
    public async Task StaticAsset_BrowserAcceptEncoding_ServesTheWholeFile(string path, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
        Assert.That(await DecodedBodyAsync(response), Is.EqualTo(await File.ReadAllBytesAsync(WebRoot + path)));
    }

    private static async Task<byte[]> DecodedBodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        await using var decoded = response.Content.Headers.ContentEncoding.Contains("gzip") ? new GZipStream(body, CompressionMode.Decompress) : body;
        using var buffer = new MemoryStream();
        await decoded.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
