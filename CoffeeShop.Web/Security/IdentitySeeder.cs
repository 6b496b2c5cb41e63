using Microsoft.AspNetCore.Identity;

namespace CoffeeShop.Web.Security;

/// <summary>
/// Creates the roles; in Development, the demo accounts from <c>DemoAccounts</c>; anywhere, the first admin
/// from <c>Bootstrap:AdminEmail</c> and <c>Bootstrap:AdminPassword</c> when both are set.
/// </summary>
internal sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles,
    UserManager<IdentityUser> users,
    IConfiguration configuration,
    IWebHostEnvironment environment,
    ILogger<IdentitySeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if (environment.IsDevelopment())
        {
            foreach (var account in configuration.GetSection("DemoAccounts").Get<List<DemoAccount>>() ?? [])
            {
                await EnsureUserAsync(account.Email, account.Password, account.Role);
            }
        }

        var adminEmail = configuration["Bootstrap:AdminEmail"];
        var adminPassword = configuration["Bootstrap:AdminPassword"];
        if (!string.IsNullOrWhiteSpace(adminEmail) && !string.IsNullOrWhiteSpace(adminPassword))
        {
            await EnsureUserAsync(adminEmail, adminPassword, AppRoles.Admin);
        }
    }

    /// <summary>Creates the user with the role unless the email is taken; an existing user keeps its password.</summary>
    public async Task EnsureUserAsync(string email, string password, string role)
    {
        if (!AppRoles.All.Contains(role))
        {
            throw new InvalidOperationException($"Unknown role '{role}' for {email}; use one of {string.Join(", ", AppRoles.All)}.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"user {email}");
            logger.LogInformation("Created {Role} account {Email}", role, email);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), $"role {role} for {email}");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    private sealed record DemoAccount(string Email, string Password, string Role);
}
