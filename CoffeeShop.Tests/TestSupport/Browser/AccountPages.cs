using Microsoft.Playwright;

namespace CoffeeShop.Tests.TestSupport.Browser;

/// <summary>The account part of the navigation bar, on every page: who is signed in, sign in, register, sign out.</summary>
public sealed class AccountNav(IPage page)
{
    private ILocator Nav => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public ILocator AccountName => page.GetByTestId("account-name");

    public ILocator SignInLink => Nav.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });

    public ILocator RegisterLink => Nav.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true });

    public async Task SignOutAsync() => await Nav.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
}

/// <summary>The sign-in page (<c>/account/login</c>).</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 });

    public ILocator Email => page.GetByLabel("Email");

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    /// <summary>The message above the form: wrong credentials, or the lockout.</summary>
    public ILocator Error => page.Locator("main [role='alert']");

    public AccountNav Nav { get; } = new(page);

    public async Task<LoginPage> GotoAsync()
    {
        await page.GotoAsync("/account/login");
        return this;
    }

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in with credentials that will be refused, and waits for the form to come back (its password field empty again).</summary>
    public async Task SignInAndExpectRefusalAsync(string email, string password)
    {
        await SignInAsync(email, password);
        await Assertions.Expect(Password).ToHaveValueAsync(string.Empty);
    }
}

/// <summary>The registration page (<c>/account/register</c>).</summary>
public sealed class RegisterPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Create an account", Level = 1 });

    public AccountNav Nav { get; } = new(page);

    public async Task<RegisterPage> GotoAsync()
    {
        await page.GotoAsync("/account/register");
        return this;
    }

    public async Task RegisterAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }
}
