using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoffeeShop.Data;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Menu;

/// <summary>Anonymous menu GETs come from the output cache, and a write through the API empties it at once.</summary>
[TestFixture]
public sealed class MenuCacheInvalidationTests : IntegrationTestBase
{
    private HttpClient _admin = null!;
    private HttpClient _anonymous = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _admin = await Factory.CreateClientAsAsync(AppRoles.Admin);
        _anonymous = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void OneTimeTearDown()
    {
        _anonymous.Dispose();
        _admin.Dispose();
    }

    [TestCase("/coffee/hot")]
    [TestCase("/api/v1/menu-items?pageSize=100")]
    [TestCase("/api/v1/menu-items/{id}")]
    [TestCase("/menu?category=hot")]
    public async Task Get_AfterAWrite_ShowsTheChange(string route)
    {
        var item = await Factory.AddMenuItemAsync("Cached " + route.GetHashCode(StringComparison.Ordinal));
        var url = route.Replace("{id}", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.That(await GetTextAsync(url), Does.Contain(item.Title), "the first GET fills the cache");

        var renamed = "Renamed " + item.Title;
        using var patch = await _admin.PatchAsync(
            $"/api/v1/menu-items/{item.Id}",
            new StringContent(new JsonObject { ["title"] = renamed }.ToJsonString(), Encoding.UTF8, "application/merge-patch+json"));
        Assert.That(patch.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await GetTextAsync(url), Does.Contain(renamed));
    }

    [Test]
    public async Task Get_AfterAChangeBehindTheServicesBack_StillServesTheCachedCopy()
    {
        var item = await Factory.AddMenuItemAsync("Cache Proof");
        var url = $"/api/v1/menu-items/{item.Id}";
        await GetTextAsync(url);

        // Straight to the database: no service call, so nothing evicts the cached response.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoffeeShopDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE MenuItems SET Title = 'Sneaky' WHERE Id = {item.Id}");
        }

        Assert.That(await GetTextAsync(url), Does.Contain("Cache Proof"));
    }

    private async Task<string> GetTextAsync(string url)
    {
        using var response = await _anonymous.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url}");
        return await response.Content.ReadAsStringAsync();
    }
}
