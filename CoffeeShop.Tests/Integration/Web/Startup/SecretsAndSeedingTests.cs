using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoffeeShop.Tests.Integration.Web.Startup;

/// <summary>
/// Secrets and first accounts: Production will not start without a JWT signing key; the first admin comes from
/// Bootstrap:* settings; the demo accounts exist in Development only.
/// </summary>
[TestFixture]
[Category(TestCategories.Integration)]
public sealed class SecretsAndSeedingTests
{
    private const string Production = "Production";
    private const string Development = "Development";

    [TestCase(null, TestName = "Build_ProductionWithoutSigningKey_FailsWithAClearMessage")]
    [TestCase("too-short-for-hmac-sha256", TestName = "Build_ProductionWithAShortSigningKey_FailsWithAClearMessage")]
    public void Build_ProductionWithoutAUsableSigningKey_FailsWithAClearMessage(string? key)
    {
        using var factory = new CoffeeShopWebFactory(new Dictionary<string, string?> { ["Jwt:SigningKey"] = key }, Production);

        var thrown = Assert.Catch(() => factory.CreateClient());

        var message = Innermost(thrown!).Message;
        Assert.That(message, Does.Contain("Jwt:SigningKey").And.Contain("32 characters").And.Contain("Jwt__SigningKey"));
    }

    [Test]
    public async Task Build_DevelopmentWithoutSigningKey_StartsWithAKeyOfItsOwn()
    {
        await using var factory = new CoffeeShopWebFactory(new Dictionary<string, string?> { ["Jwt:SigningKey"] = null }, Development);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Bootstrap_ProductionWithAdminSettings_AdminCanGetATokenAndManageKeys()
    {
        const string email = "owner@shop.example";
        const string password = "Bootstrap-Passw0rd!";
        await using var factory = new CoffeeShopWebFactory(
            new Dictionary<string, string?>
            {
                ["Bootstrap:AdminEmail"] = email,
                ["Bootstrap:AdminPassword"] = password,
            },
            Production);
        using var anonymous = factory.CreateClient();

        var token = await CoffeeShopWebFactory.GetTokenAsync(anonymous, email, password);
        using var admin = factory.CreateClientWithToken(token);
        using var response = await admin.GetAsync("/api/v1/api-keys");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the bootstrap account is an Admin");
    }

    [Test]
    public async Task Seed_Production_CreatesNoDemoAccounts()
    {
        await using var factory = new CoffeeShopWebFactory(environment: Production);

        var found = await factory.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<IdentityUser>>();
            var emails = new List<string>();
            foreach (var account in DemoAccounts(factory))
            {
                if (await users.FindByEmailAsync(account.Email) is not null)
                {
                    emails.Add(account.Email);
                }
            }

            return emails;
        });

        Assert.That(found, Is.Empty);
    }

    [Test]
    public async Task Seed_Development_CreatesTheThreeDemoAccountsWithTheirRoles()
    {
        await using var factory = new CoffeeShopWebFactory(environment: Development);
        using var anonymous = factory.CreateClient();
        var accounts = DemoAccounts(factory);
        Assert.That(accounts.Select(a => a.Role), Is.EquivalentTo(AppRoles.All), "one demo account per role");

        foreach (var account in accounts)
        {
            var token = await CoffeeShopWebFactory.GetTokenAsync(anonymous, account.Email, account.Password);
            using var client = factory.CreateClientWithToken(token);
            using var response = await client.GetAsync("/api/v1/api-keys");

            var expected = account.Role == AppRoles.Admin ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.That(response.StatusCode, Is.EqualTo(expected), $"{account.Email} acts as {account.Role}");
        }
    }

    /// <summary>The demo accounts as appsettings.Development.json lists them.</summary>
    private static List<DemoAccount> DemoAccounts(CoffeeShopWebFactory factory)
    {
        var root = factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.Development.json")));
        return [.. json.RootElement.GetProperty("DemoAccounts").EnumerateArray().Select(a => new DemoAccount(
            a.GetProperty("Email").GetString()!, a.GetProperty("Password").GetString()!, a.GetProperty("Role").GetString()!))];
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }

    private sealed record DemoAccount(string Email, string Password, string Role);
}
