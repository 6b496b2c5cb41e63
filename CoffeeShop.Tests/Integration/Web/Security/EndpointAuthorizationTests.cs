using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Domain.Orders;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>
/// Who may call what, for every endpoint the app maps. The table below is the access contract: an endpoint
/// the app maps that the table does not list fails <see cref="EveryEndpoint_IsListedInTheAccessTable"/>, so a
/// new endpoint cannot ship without someone deciding who may call it. HEAD comes with every GET (the rows list
/// GET alone): each GET row is called with HEAD too, which must answer as GET did.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class EndpointAuthorizationTests : IntegrationTestBase
{
    /// <summary>Any method: endpoints mapped without an HTTP method (health, error pages).</summary>
    private const string AnyMethod = "*";

    /// <summary>The template under which every static asset (css, js, images) is listed.</summary>
    private const string StaticAssets = "(static assets)";

    private static readonly Caller[] Callers = [Caller.Anonymous, Caller.Customer, Caller.Barista, Caller.Admin];

    /// <summary>
    /// The access table: method and route template as the app maps them, who may call, and the URL to call
    /// (placeholders in braces are filled with rows this fixture creates). Writes send an empty body: an allowed
    /// caller then gets a validation error, which is enough to show the door was open.
    /// </summary>
    private static readonly EndpointRule[] Table =
    [
        // Site pages.
        new("GET", "/", Access.Anyone, "/"),
        new("GET", "menu", Access.Anyone, "/menu"),
        new("GET", "menu/{id:int}", Access.Anyone, "/menu/{menuItem}"),
        new("GET", "order", Access.Anyone, "/order"),
        new("POST", "order", Access.Anyone, "/order"),
        new("GET", "orders/{code}", Access.Anyone, "/orders/{orderCode}"),
        new("POST", "orders/{code}/cancel", Access.Anyone, "/orders/{orderCode}/cancel"),
        new("GET", "orders", Access.SignedIn, "/orders"),
        new("GET", "barista", Access.Staff, "/barista"),
        new("POST", "barista/orders/{id:int}/status", Access.Staff, "/barista/orders/{order}/status"),
        new("GET", "admin/menu", Access.Admin, "/admin/menu"),
        new("GET", "admin/menu/new", Access.Admin, "/admin/menu/new"),
        new("POST", "admin/menu/new", Access.Admin, "/admin/menu/new"),
        new("GET", "admin/menu/{id:int}/edit", Access.Admin, "/admin/menu/{menuItem}/edit"),
        new("POST", "admin/menu/{id:int}/edit", Access.Admin, "/admin/menu/{menuItem}/edit"),
        new("POST", "admin/menu/{id:int}/availability", Access.Admin, "/admin/menu/{menuItem}/availability"),
        new("GET", "admin/menu/{id:int}/delete", Access.Admin, "/admin/menu/{menuItem}/delete"),
        new("POST", "admin/menu/{id:int}/delete", Access.Admin, "/admin/menu/{deletableMenuItem}/delete"),
        new("GET", "admin/option-groups", Access.Admin, "/admin/option-groups"),
        new("GET", "admin/option-groups/new", Access.Admin, "/admin/option-groups/new"),
        new("POST", "admin/option-groups/new", Access.Admin, "/admin/option-groups/new"),
        new("GET", "admin/option-groups/{code}/edit", Access.Admin, "/admin/option-groups/milk/edit"),
        new("POST", "admin/option-groups/{code}/edit", Access.Admin, "/admin/option-groups/milk/edit"),
        new("GET", "admin/option-groups/{code}/delete", Access.Admin, "/admin/option-groups/milk/delete"),
        new("POST", "admin/option-groups/{code}/delete", Access.Admin, "/admin/option-groups/milk/delete"),
        new("GET", "admin/api-keys", Access.Admin, "/admin/api-keys"),
        new("POST", "admin/api-keys", Access.Admin, "/admin/api-keys"),
        new("POST", "admin/api-keys/{id:int}/revoke", Access.Admin, "/admin/api-keys/{apiKey}/revoke"),
        new("GET", "account/login", Access.Anyone, "/account/login"),
        new("POST", "account/login", Access.Anyone, "/account/login"),
        new("GET", "account/register", Access.Anyone, "/account/register"),
        new("POST", "account/register", Access.Anyone, "/account/register"),
        new("GET", "account/logout", Access.Anyone, "/account/logout"),
        new("POST", "account/logout", Access.Anyone, "/account/logout"),
        new("GET", "account/access-denied", Access.Anyone, "/account/access-denied", AlwaysStatus: HttpStatusCode.Forbidden),
        new(AnyMethod, "error/{statusCode:int}", Access.Anyone, "/error/404"),

        // Compatible coffee API.
        new("GET", "coffee/{category}", Access.Anyone, "/coffee/hot"),
        new("GET", "coffee/{category}/{id:int}", Access.Anyone, "/coffee/hot/{menuItem}"),
        new("POST", "coffee/{category}", Access.Admin, "/coffee/hot", "application/json", "{}"),
        new("PUT", "coffee/{category}/{id:int}", Access.Admin, "/coffee/hot/{menuItem}", "application/json", "{}"),
        new("PATCH", "coffee/{category}/{id:int}", Access.Admin, "/coffee/hot/{menuItem}", "application/json", "{}"),
        new("DELETE", "coffee/{category}/{id:int}", Access.Admin, "/coffee/hot/{deletableMenuItem}"),

        // Versioned API: menu.
        new("GET", "api/v1/menu-items", Access.Anyone, "/api/v1/menu-items"),
        new("GET", "api/v1/menu-items/{id:int}", Access.Anyone, "/api/v1/menu-items/{menuItem}"),
        new("POST", "api/v1/menu-items", Access.Admin, "/api/v1/menu-items", "application/json", "{}"),
        new("PUT", "api/v1/menu-items/{id:int}", Access.Admin, "/api/v1/menu-items/{menuItem}", "application/json", "{}"),
        new("PATCH", "api/v1/menu-items/{id:int}", Access.Admin, "/api/v1/menu-items/{menuItem}", "application/merge-patch+json", "{}"),
        new("PATCH", "api/v1/menu-items/{id:int}", Access.Admin, "/api/v1/menu-items/{menuItem}", "application/json-patch+json", "[]"),
        new("DELETE", "api/v1/menu-items/{id:int}", Access.Admin, "/api/v1/menu-items/{deletableMenuItem}"),

        // Versioned API: option groups (the seeded milk group is offered by items, so an admin's DELETE is a 409, and it stays).
        new("GET", "api/v1/option-groups", Access.Anyone, "/api/v1/option-groups"),
        new("GET", "api/v1/option-groups/{code}", Access.Anyone, "/api/v1/option-groups/milk"),
        new("POST", "api/v1/option-groups", Access.Admin, "/api/v1/option-groups", "application/json", "{}"),
        new("PUT", "api/v1/option-groups/{code}", Access.Admin, "/api/v1/option-groups/milk", "application/json", "{}"),
        new("PATCH", "api/v1/option-groups/{code}", Access.Admin, "/api/v1/option-groups/milk", "application/merge-patch+json", "{}"),
        new("PATCH", "api/v1/option-groups/{code}", Access.Admin, "/api/v1/option-groups/milk", "application/json-patch+json", "[]"),
        new("DELETE", "api/v1/option-groups/{code}", Access.Admin, "/api/v1/option-groups/milk"),

        // Versioned API: orders.
        new("POST", "api/v1/orders", Access.SignedIn, "/api/v1/orders", "application/json", "{}"),
        new("GET", "api/v1/orders", Access.SignedIn, "/api/v1/orders"),
        new("GET", "api/v1/orders/{id:int}", Access.SignedIn, "/api/v1/orders/{order}"),
        new("POST", "api/v1/orders/{id:int}/cancel", Access.SignedIn, "/api/v1/orders/{order}/cancel"),
        new("PUT", "api/v1/orders/{id:int}/status", Access.Staff, "/api/v1/orders/{order}/status", "application/json", "{}"),

        // Live updates: the event stream (a completed order, so the stream ends after its one event), and the hub,
        // which anyone may open: each hub method checks its caller (OrdersHubTests).
        new("GET", "api/v1/orders/{id:int}/events", Access.SignedIn, "/api/v1/orders/{completedOrder}/events"),
        new(AnyMethod, "/hubs/orders/negotiate", Access.Anyone, "/hubs/orders/negotiate?negotiateVersion=1"),
        new(AnyMethod, "/hubs/orders", Access.Anyone, "/hubs/orders"),

        // Versioned API: accounts and keys.
        new("POST", "api/v1/auth/token", Access.Anyone, "/api/v1/auth/token", "application/json", "{}"),
        new("GET", "api/v1/api-keys", Access.Admin, "/api/v1/api-keys"),
        new("GET", "api/v1/api-keys/{id:int}", Access.Admin, "/api/v1/api-keys/{apiKey}"),
        new("POST", "api/v1/api-keys", Access.Admin, "/api/v1/api-keys", "application/json", "{}"),
        new("DELETE", "api/v1/api-keys/{id:int}", Access.Admin, "/api/v1/api-keys/{apiKey}"),

        // Operations and documentation.
        new(AnyMethod, "/health/live", Access.Anyone, "/health/live"),
        new(AnyMethod, "/health/ready", Access.Anyone, "/health/ready"),
        new("GET", "/metrics", Access.Anyone, "/metrics"),
        new("GET", "/openapi/{documentName}.json", Access.Anyone, "/openapi/v1.json"),
        new("GET", "/openapi.json", Access.Anyone, "/openapi.json"),
        new("GET", StaticAssets, Access.Anyone, "/css/site.css"),

        // GraphQL: the endpoint is open; each field checks its caller (GraphQL*Tests), so a refused field is an
        // error in a 200 response, not a 401 or 403.
        new("POST", "/graphql", Access.Anyone, "/graphql", "application/json", "{\"query\":\"{ menuItem(id: 1) { id } }\"}"),
        new("GET", "/graphql", Access.Anyone, "/graphql?query=%7B__typename%7D"),
        new("GET", "/graphql/schema.graphql", Access.Anyone, "/graphql/schema.graphql"),
        new("GET", "/graphql/ui", Access.Anyone, "/graphql/ui"),
    ];

    private readonly Dictionary<Caller, Session> _sessions = [];
    private readonly Dictionary<string, string> _placeholders = [];

    /// <summary>Who may call an endpoint.</summary>
    public enum Access
    {
        Anyone,
        SignedIn,
        Staff,
        Admin,
    }

    private enum Caller
    {
        Anonymous,
        Customer,
        Barista,
        Admin,
    }

    public static IEnumerable<TestCaseData> Rules() =>
        Table.Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.ToString()));

    [OneTimeSetUp]
    public async Task ArrangeDataAndCallersAsync()
    {
        var item = await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails());
        var deletable = await Factory.AddMenuItemAsync(new MenuItemBuilder().BuildDetails());
        var order = await Factory.WithScopeAsync(s => s.GetRequiredService<OrderingService>()
            .PlaceAsync(new OrderRequest("Matrix", null, null, [new OrderLineRequest(item.Id, 1)]), CancellationToken.None));
        var key = await Factory.WithScopeAsync(s => s.GetRequiredService<ApiKeyService>()
            .CreateAsync("matrix", AppRoles.Customer, null, CancellationToken.None));

        _placeholders["{menuItem}"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _placeholders["{deletableMenuItem}"] = deletable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _placeholders["{order}"] = order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _placeholders["{orderCode}"] = order.Code;
        var completed = await Factory.PlaceOrderAsync("Matrix", [new OrderLineRequest(item.Id, 1)]);
        await Factory.MoveOrderAsync(completed.Id, OrderStatus.Preparing, OrderStatus.Ready, OrderStatus.Completed);
        _placeholders["{completedOrder}"] = completed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _placeholders["{apiKey}"] = key.Key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        _sessions[Caller.Anonymous] = await SessionAsync(null);
        _sessions[Caller.Customer] = await SessionAsync(AppRoles.Customer);
        _sessions[Caller.Barista] = await SessionAsync(AppRoles.Barista);
        _sessions[Caller.Admin] = await SessionAsync(AppRoles.Admin);
    }

    [Test]
    public void EveryEndpoint_IsListedInTheAccessTable()
    {
        // gRPC methods (and gRPC's unknown-method fallbacks) have their own access table, called over gRPC:
        // CoffeeShop.Tests.Integration.Grpc.GrpcAuthorizationTests.
        var mapped = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<global::Grpc.AspNetCore.Server.GrpcMethodMetadata>() is null
                && e.RoutePattern.RawText?.Contains(":grpcunimplemented}", StringComparison.Ordinal) != true)
            .SelectMany(KeysOf)
            .ToHashSet(StringComparer.Ordinal);
        var listed = Table.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mapped.Except(listed).Order(), Is.Empty, "endpoints the app maps that the access table does not list: add each one with who may call it");
            Assert.That(listed.Except(mapped).Order(), Is.Empty, "rows of the access table that match no endpoint: remove or correct them");
        }
    }

    [Test]
    public void EveryGetEndpoint_AlsoAnswersHead()
    {
        var withoutHead = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { } methods && methods.Contains("GET") && !methods.Contains("HEAD"))
            .Select(e => e.DisplayName);

        Assert.That(withoutHead, Is.Empty);
    }

    [TestCaseSource(nameof(Rules))]
    public async Task Endpoint_CalledByEachRole_AllowsExactlyTheTablesCallers(EndpointRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var url = Fill(rule.Url);
        var isApi = url.StartsWith("/api/", StringComparison.Ordinal) || url.StartsWith("/coffee/", StringComparison.Ordinal)
            || url.StartsWith("/graphql", StringComparison.Ordinal);

        foreach (var caller in Callers)
        {
            var session = _sessions[caller];
            using var response = await client.SendAsync(Request(rule, url, isApi, session));
            var what = $"{caller} → {rule.Method} {url}";

            if (rule.AlwaysStatus is { } always)
            {
                Assert.That(response.StatusCode, Is.EqualTo(always), what);
            }
            else if (IsAllowed(rule.Access, caller))
            {
                await AssertAllowedAsync(response, isApi, what);
            }
            else if (caller == Caller.Anonymous)
            {
                await AssertChallengedAsync(response, isApi, what);
            }
            else
            {
                await AssertForbiddenAsync(client, response, isApi, session, what);
            }

            if (rule.Method is "GET" or AnyMethod)
            {
                using var head = await client.SendAsync(Request(rule, url, isApi, session, HttpMethod.Head));
                AssertSameAnswer(response, head, $"{caller} → HEAD {url}");
            }
        }
    }

    /// <summary>HEAD gets what GET got: the same status, and the same redirect or challenge.</summary>
    private static void AssertSameAnswer(HttpResponseMessage get, HttpResponseMessage head, string what)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(head.StatusCode, Is.EqualTo(get.StatusCode), what);
            Assert.That(head.Headers.Location, Is.EqualTo(get.Headers.Location), $"{what}: Location");
            Assert.That(head.Headers.WwwAuthenticate.ToString(), Is.EqualTo(get.Headers.WwwAuthenticate.ToString()), $"{what}: WWW-Authenticate");
        }
    }

    private static async Task AssertAllowedAsync(HttpResponseMessage response, bool isApi, string what)
    {
        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized).And.Not.EqualTo(HttpStatusCode.Forbidden), $"{what}: allowed, {await BodyStartAsync(response)}");
        if (!isApi)
        {
            // The cookie handler says "sign in" and "not for you" with redirects, not status codes.
            Assert.That(LocationPath(response), Is.Not.EqualTo("/account/login").And.Not.EqualTo("/account/access-denied"), $"{what}: allowed, so no redirect to sign in or access denied");
        }
    }

    private static async Task AssertChallengedAsync(HttpResponseMessage response, bool isApi, string what)
    {
        if (isApi)
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"), $"{what}: the challenge names the Bearer scheme");
        }
        else
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{what}: a person who is not signed in is sent to sign in");
            Assert.That(LocationPath(response), Is.EqualTo("/account/login"), what);
        }
    }

    private static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response, bool isApi, Session session, string what)
    {
        if (isApi)
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            return;
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{what}: a signed-in person without the role is sent to the 403 page");
        Assert.That(LocationPath(response), Is.EqualTo("/account/access-denied"), what);

        using var denied = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
        denied.Headers.Add("Cookie", session.Cookies);
        using var page = await client.SendAsync(denied);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{what}: the access-denied page");
        var html = await page.ReadHtmlAsync();
        Assert.That(html.QuerySelector("h1")?.TextContent, Is.EqualTo("That page isn't for you"), $"{what}: the friendly 403 page");
    }

    private static HttpRequestMessage Request(EndpointRule rule, string url, bool isApi, Session session, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? new HttpMethod(rule.Method == AnyMethod ? "GET" : rule.Method), url);
        if (isApi)
        {
            // API routes never read the cookie: callers are who their token says.
            if (session.Token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
            }

            if (rule.Body is not null)
            {
                request.Content = new StringContent(rule.Body, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(rule.ContentType!);
            }
        }
        else
        {
            request.Headers.Add("Cookie", session.Cookies);
            if (rule.Method == "POST")
            {
                request.Content = new FormUrlEncodedContent([new(HtmlPages.AntiforgeryFieldName, session.AntiforgeryToken)]);
            }
        }

        return request;
    }

    private static bool IsAllowed(Access access, Caller caller) => access switch
    {
        Access.Anyone => true,
        Access.SignedIn => caller != Caller.Anonymous,
        Access.Staff => caller is Caller.Barista or Caller.Admin,
        Access.Admin => caller == Caller.Admin,
        _ => false,
    };

    private static IEnumerable<string> KeysOf(RouteEndpoint endpoint)
    {
        var template = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
            ? StaticAssets
            : endpoint.RoutePattern.RawText is { Length: > 0 } raw ? raw : "/";
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        if (methods is null || methods.Count == 0)
        {
            return [$"{AnyMethod} {template}"];
        }

        // HEAD comes with GET (EveryGetEndpoint_AlsoAnswersHead) and is called with each GET row; only a HEAD
        // without GET would need a row of its own.
        return methods.Where(m => m != "HEAD" || !methods.Contains("GET")).Select(m => $"{m} {template}");
    }

    private static string? LocationPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.AbsolutePath
        : location.OriginalString.Split('?')[0];

    private static async Task<string> BodyStartAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return $"got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}";
    }

    private string Fill(string url) =>
        _placeholders.Aggregate(url, (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal));

    /// <summary>Signs a new user with <paramref name="role"/> in on the site and on the API; null is an anonymous visitor.</summary>
    private async Task<Session> SessionAsync(string? role)
    {
        var cookies = new CookieContainer();
        using var client = Factory.CreateCookieClient(cookies);
        string? token = null;
        if (role is not null)
        {
            var email = await Factory.CreateUserAsync(role);
            await client.SignInSuccessfullyAsync(email);
            token = await CoffeeShopWebFactory.GetTokenAsync(client, email);
        }

        // The antiforgery token is bound to the person, so read it from a form they see once signed in.
        var form = await client.LoginFormAsync();
        return new Session(cookies.GetCookieHeader(client.BaseAddress!), form.AntiforgeryToken(), token);
    }

    /// <summary>One row of the access table.</summary>
    public sealed record EndpointRule(
        string Method, string Template, Access Access, string Url, string? ContentType = null, string? Body = null, HttpStatusCode? AlwaysStatus = null)
    {
        public string Key => $"{Method} {Template}";

        public override string ToString() => ContentType is null ? Key : $"{Key} ({ContentType})";
    }

    /// <summary>How a caller identifies: the site's cookies (frozen, so a sign-out does not end the session), an antiforgery token, a bearer token.</summary>
    private sealed record Session(string Cookies, string AntiforgeryToken, string? Token);
}
