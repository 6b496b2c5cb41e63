using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoffeeShop.Tests.Integration.Web.Security;

/// <summary>
/// API keys through <c>/api/v1/api-keys</c> and the <c>/admin/api-keys</c> page: shown once, never listed,
/// acting with their role, dead once revoked.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed partial class ApiKeysTests : IntegrationTestBase
{
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task SignInAdminAsync() => _admin = await Factory.CreateClientAsAsync(AppRoles.Admin);

    [OneTimeTearDown]
    public void DisposeAdmin() => _admin?.Dispose();

    [Test]
    public async Task Create_ValidRequest_Returns201WithTheKeyOnce()
    {
        using var response = await _admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Till 1", role = AppRoles.Customer });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Does.Match(KeyFormat()), "cs_{prefix}_{secret}");
            Assert.That(key, Does.StartWith($"cs_{body.GetProperty("prefix").GetString()}_"), "the listed prefix is the key's start");
            Assert.That(body.GetProperty("role").GetString(), Is.EqualTo(AppRoles.Customer));
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo($"/api/v1/api-keys/{body.GetProperty("id").GetInt32()}"));
        }
    }

    [Test]
    public async Task Get_TheCreatedLocation_DescribesTheKeyWithoutItsSecret()
    {
        using var created = await _admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Till 2", role = AppRoles.Barista });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        using var response = await _admin.GetAsync(created.Headers.Location);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var raw = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(raw).RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("Till 2"));
            Assert.That(body.GetProperty("role").GetString(), Is.EqualTo(AppRoles.Barista));
            Assert.That(body.TryGetProperty("key", out _), Is.False);
            Assert.That(raw, Does.Not.Contain(key.Split('_')[2]), "the secret appears nowhere");
        }
    }

    [Test]
    public async Task Get_UnknownId_Returns404Problem()
    {
        using var response = await _admin.GetAsync("/api/v1/api-keys/987654");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task List_AfterCreate_NeverContainsTheKey()
    {
        var (id, key) = await CreateKeyAsync(AppRoles.Customer);

        using var response = await _admin.GetAsync("/api/v1/api-keys");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var raw = await response.Content.ReadAsStringAsync();
        var listed = JsonDocument.Parse(raw).RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetInt32() == id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(listed.TryGetProperty("key", out _), Is.False, "a listed key has no key field");
            Assert.That(raw, Does.Not.Contain(key.Split('_')[2]), "the secret part appears nowhere in the list");
        }
    }

    [Test]
    public async Task Create_RoleInAnotherCase_StoresTheRoleAsTheAppSpellsIt()
    {
        using var response = await _admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Lower case", role = "barista" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("role").GetString(), Is.EqualTo(AppRoles.Barista));
    }

    [Test]
    public async Task Create_UnknownRole_Returns400NamingTheRole()
    {
        using var response = await _admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Bad", role = "Owner" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.Errors.Keys, Does.Contain("role"));
    }

    [Test]
    public async Task CustomerKey_OnAdminRoute_Returns403Problem()
    {
        var (_, key) = await CreateKeyAsync(AppRoles.Customer);
        using var client = ClientWithKey(key);

        using var response = await client.GetAsync("/api/v1/api-keys");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task CustomerKey_OnSignedInRoute_IsAccepted()
    {
        var (_, key) = await CreateKeyAsync(AppRoles.Customer);
        using var client = ClientWithKey(key);

        using var response = await client.GetAsync("/api/v1/orders");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AdminKey_OnAdminRoute_Returns200()
    {
        var (_, key) = await CreateKeyAsync(AppRoles.Admin);
        using var client = ClientWithKey(key);

        using var response = await client.GetAsync("/api/v1/api-keys");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Revoke_LiveKey_Returns204AndTheKeyStopsWorking()
    {
        var (id, key) = await CreateKeyAsync(AppRoles.Admin);
        using var client = ClientWithKey(key);
        using (var before = await client.GetAsync("/api/v1/api-keys"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the key works before it is revoked");
        }

        using var revoke = await _admin.DeleteAsync($"/api/v1/api-keys/{id}");
        using var after = await client.GetAsync("/api/v1/api-keys");

        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(after.Headers.WwwAuthenticate.Select(c => c.Scheme).ToList(), Is.EqualTo(new[] { "ApiKey" }), "the challenge names the scheme the caller tried");
    }

    [Test]
    public async Task Revoke_UnknownId_Returns404Problem()
    {
        using var response = await _admin.DeleteAsync("/api/v1/api-keys/999999");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("cs_nope_nope")]
    [TestCase("not-a-key")]
    [TestCase("")]
    public async Task InvalidKey_OnSignedInRoute_Returns401Problem(string key)
    {
        using var client = ClientWithKey(key);

        using var response = await client.GetAsync("/api/v1/orders");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task LiveKey_WrongSecret_Returns401Problem()
    {
        var (_, key) = await CreateKeyAsync(AppRoles.Admin);
        var parts = key.Split('_');
        using var client = ClientWithKey($"cs_{parts[1]}_{new string('A', parts[2].Length)}");

        using var response = await client.GetAsync("/api/v1/api-keys");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AdminPage_CreateAndRevoke_ShowsTheKeyOnceAndKillsIt()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Admin);
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        await browser.SignInSuccessfullyAsync(email);
        var name = "Page key " + Guid.NewGuid().ToString("N")[..8];

        // Create: the page answers with the key, once.
        var page = await browser.GetHtmlAsync("/admin/api-keys");
        var createForm = page.Form("form[action='/admin/api-keys']");
        Assert.That(createForm.AntiforgeryToken(), Is.Not.Empty);
        using var created = await browser.SubmitAsync(createForm, new Dictionary<string, string?> { ["Form.Name"] = name, ["Form.Role"] = AppRoles.Admin });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var key = (await created.ReadHtmlAsync()).QuerySelector("[data-testid='created-key']")?.TextContent.Trim();
        Assert.That(key, Does.Match(KeyFormat()));
        using var keyClient = ClientWithKey(key!);
        using (var works = await keyClient.GetAsync("/api/v1/api-keys"))
        {
            Assert.That(works.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the new key works on the API");
        }

        var listed = await browser.GetHtmlAsync("/admin/api-keys");
        Assert.That(listed.Body!.TextContent, Does.Not.Contain(key!.Split('_')[2]), "the page shows the key only on the response that created it");

        // Revoke: its row's form, with its token.
        var row = Row(listed, name);
        using var revoked = await browser.SubmitAsync(row.Form("form"));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = await browser.GetHtmlAsync("/admin/api-keys");
        Assert.That(Row(after, name).QuerySelectorAll("td")[5].TextContent, Is.EqualTo("Revoked"));
        using var dead = await keyClient.GetAsync("/api/v1/api-keys");
        await dead.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AdminPage_CreateWithoutAntiforgeryToken_Returns400AndCreatesNothing()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Admin);
        using var browser = Factory.CreateCookieClient(new CookieContainer());
        await browser.SignInSuccessfullyAsync(email);
        var name = "Forged key " + Guid.NewGuid().ToString("N")[..8];
        var form = (await browser.GetHtmlAsync("/admin/api-keys")).Form("form[action='/admin/api-keys']");

        using var response = await browser.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Name"] = name,
            ["Form.Role"] = AppRoles.Admin,
            [HtmlPages.AntiforgeryFieldName] = null,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var list = await _admin.GetAsync("/api/v1/api-keys");
        Assert.That(await list.Content.ReadAsStringAsync(), Does.Not.Contain(name));
    }

    [GeneratedRegex("^cs_[A-Za-z0-9-]{8}_[A-Za-z0-9-]{43}$")]
    private static partial Regex KeyFormat();

    private static IElement Row(IParentNode page, string name) =>
        page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")?.TextContent == name);

    private async Task<(int Id, string Key)> CreateKeyAsync(string role)
    {
        using var response = await _admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"{role} key", role });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt32(), body.GetProperty("key").GetString()!);
    }

    private HttpClient ClientWithKey(string key)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(AuthSchemes.ApiKeyHeader, key);
        return client;
    }
}
