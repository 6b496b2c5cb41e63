using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CoffeeShop.Tests.TestSupport;

/// <summary>Parses the site's HTML with AngleSharp, and fills and submits its forms as a browser without JavaScript would.</summary>
public static class HtmlPages
{
    public const string AntiforgeryFieldName = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Reads the body of an HTML response; asserts it is HTML first.</summary>
    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), "HTML content type");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs a page and parses it, asserting a success status.</summary>
    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {url} returned {(int)response.StatusCode}");
        return await response.ReadHtmlAsync();
    }

    /// <summary>The path and query of a redirect's Location, whether the app wrote it absolute or relative.</summary>
    public static string? PathOf(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    /// <summary>The validation message shown for <paramref name="field"/>, trimmed (null when the page has no place for one).</summary>
    public static string? MessageFor(this IParentNode page, string field)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();
    }

    /// <summary>
    /// The validation message for <paramref name="field"/>, checked to sit beside its input (in the same container);
    /// for a group of inputs (<c>Lines[0].Options</c>), any input whose name starts with the field's counts.
    /// </summary>
    public static string MessageBeside(this IParentNode page, string field)
    {
        ArgumentNullException.ThrowIfNull(page);
        var message = page.QuerySelector($"span[data-valmsg-for='{field}']");
        Assert.That(message, Is.Not.Null, $"a validation message element for {field}");
        Assert.That(message!.ParentElement?.QuerySelector($"[name^='{field}']"), Is.Not.Null, $"the message for {field} sits beside its input");
        return message.TextContent;
    }

    /// <summary>The single form matching <paramref name="selector"/>.</summary>
    public static IHtmlFormElement Form(this IParentNode document, string selector = "form")
    {
        ArgumentNullException.ThrowIfNull(document);
        var forms = document.QuerySelectorAll(selector).OfType<IHtmlFormElement>().ToList();
        Assert.That(forms, Has.Count.EqualTo(1), $"exactly one form matching '{selector}'");
        return forms[0];
    }

    /// <summary>The antiforgery token a form carries (the hidden field the form tag helper writes).</summary>
    public static string AntiforgeryToken(this IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var token = form.QuerySelector<IHtmlInputElement>($"input[name='{AntiforgeryFieldName}']")?.Value;
        Assert.That(token, Is.Not.Null.And.Not.Empty, "the form has no antiforgery token");
        return token!;
    }

    /// <summary>
    /// The name/value pairs the form would send as it stands: hidden and text inputs, checked boxes,
    /// selected options, text areas. The antiforgery token comes along with the hidden fields.
    /// </summary>
    public static List<KeyValuePair<string, string>> FieldValues(this IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    var type = input.Type.ToUpperInvariant();
                    if (type is "SUBMIT" or "BUTTON" or "RESET" or "IMAGE" or "FILE"
                        || (type is "CHECKBOX" or "RADIO" && !input.IsChecked))
                    {
                        break;
                    }

                    values.Add(new(input.Name, type is "CHECKBOX" or "RADIO" && string.IsNullOrEmpty(input.GetAttribute("value")) ? "on" : input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name) && !textArea.IsDisabled:
                    values.Add(new(textArea.Name, textArea.Value));
                    break;
            }
        }

        return values;
    }

    /// <summary>
    /// Submits the form with some fields changed (a value of null removes the field), by GET or POST as its
    /// method says, to its action (the page's own URL when it has none). Cookies travel with the client.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string?>? changes = null, string? pageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var fields = form.FieldValues();
        foreach (var (name, value) in changes ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl ?? form.Owner?.Url ?? "/" : action;
        if (string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
        {
            return client.PostAsync(target, new FormUrlEncodedContent(fields));
        }

        var query = Microsoft.AspNetCore.Http.QueryString.Create(fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));
        return client.GetAsync(target.Split('?')[0] + query);
    }

    /// <summary>Opens <paramref name="pageUrl"/> and submits its form that posts to <paramref name="action"/> with <paramref name="changes"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, string action, IReadOnlyDictionary<string, string?> changes)
    {
        var page = await client.GetHtmlAsync(pageUrl);
        return await client.SubmitAsync(page.Form($"form[action='{action}']"), changes, pageUrl);
    }
}
