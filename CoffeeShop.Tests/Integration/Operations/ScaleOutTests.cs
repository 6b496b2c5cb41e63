using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Operations;

/// <summary>
/// Two app processes on one SQLite database, as two instances behind a load balancer: what one issues
/// (a sign-in cookie, an antiforgery token, an idempotent order) the other honours.
/// </summary>
[Category(TestCategories.Integration)]
[NonParallelizable]
public sealed class ScaleOutTests
{
    private ScratchDatabase _database = null!;
    private AppProcess _first = null!;
    private AppProcess _second = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstancesAsync()
    {
        _database = new ScratchDatabase("scale");
        var settings = AppProcess.SharedSettings(_database.Path);
        _first = await AppProcess.StartAsync(settings, CancellationToken.None);
        _second = await AppProcess.StartAsync(settings, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public async Task SignInCookieAndAntiforgeryToken_IssuedByOneInstance_AreAcceptedByTheOther()
    {
        var jar = new CookieJar();
        var email = $"scale-{Guid.NewGuid():N}@test.local";

        // Register on the first instance.
        using var registerPage = await _first.Client.SendAsync(jar.Request(HttpMethod.Get, "/account/register"));
        jar.Take(registerPage);
        var registerForm = (await registerPage.ReadHtmlAsync()).Form("form[action='/account/register']");
        var fields = registerForm.FieldValues();
        fields.RemoveAll(f => f.Key is "Email" or "Password" or "ConfirmPassword");
        fields.AddRange([new("Email", email), new("Password", "Scale-Passw0rd!"), new("ConfirmPassword", "Scale-Passw0rd!")]);
        using var registered = await _first.Client.SendAsync(jar.Request(HttpMethod.Post, "/account/register", new FormUrlEncodedContent(fields)));
        jar.Take(registered);
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), _first.Output);
        Assert.That(jar.Has("CoffeeShop.Auth"), Is.True);

        // The second instance reads the first one's sign-in cookie.
        using var history = await _second.Client.SendAsync(jar.Request(HttpMethod.Get, "/orders"));
        Assert.That(history.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // A form rendered by the first instance is accepted by the second.
        using var orderPage = await _first.Client.SendAsync(jar.Request(HttpMethod.Get, "/order"));
        jar.Take(orderPage);
        var orderForm = (await orderPage.ReadHtmlAsync()).Form("form[action='/order']");
        var orderFields = orderForm.FieldValues();
        var firstQuantity = orderFields.FindIndex(f => f.Key.EndsWith(".Quantity", StringComparison.Ordinal));
        orderFields[firstQuantity] = new(orderFields[firstQuantity].Key, "1");
        using var placed = await _second.Client.SendAsync(jar.Request(HttpMethod.Post, "/order", new FormUrlEncodedContent(orderFields)));

        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), _second.Output);
        Assert.That(placed.Headers.Location?.OriginalString, Does.StartWith("/orders/"));
    }

    [Test]
    public async Task IdempotentOrder_RetriedOnTheOtherInstance_CreatesNothingNew()
    {
        var token = await _first.AdminTokenAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { customerName = "Scale", notes = "", lines = new[] { new { menuItemId = 1, quantity = 1 } } };

        var firstId = await PlaceAsync(_first, token, key, body);
        var secondId = await PlaceAsync(_second, token, key, body);

        Assert.That(secondId, Is.EqualTo(firstId));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/orders?pageSize=100", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token);
        using var list = await _second.Client.SendAsync(request);
        var orders = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        Assert.That(orders.Count(o => o.GetProperty("customerName").GetString() == "Scale"), Is.EqualTo(1));
    }

    private static async Task<int> PlaceAsync(AppProcess app, string token, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/orders", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await app.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), app.Output);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
