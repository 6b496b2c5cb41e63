using Microsoft.Net.Http.Headers;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>Cookies carried by hand, so one browser session can be replayed against another app instance.</summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public void Take(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var cookie in SetCookieHeaderValue.ParseList([.. values]))
        {
            _cookies[cookie.Name.Value!] = cookie.Value.Value!;
        }
    }

    public bool Has(string name) => _cookies.ContainsKey(name);

    /// <summary>A request carrying every cookie in the jar.</summary>
    public HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        return request;
    }
}
