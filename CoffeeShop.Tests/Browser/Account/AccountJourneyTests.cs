using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Tests.TestSupport.Browser;
using CoffeeShop.Web.Controllers;
using CoffeeShop.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace CoffeeShop.Tests.Browser.Account;

/// <summary>A person makes an account, signs out and back in; and someone guessing a password is locked out.</summary>
[TestFixture]
[Category(TestCategories.Browser)]
public sealed class AccountJourneyTests : BrowserTestBase
{
    private const string Password = "Journey-Passw0rd";

    [Test]
    public async Task Account_RegisterSignOutSignIn_ShowsTheAccountNameWhileSignedIn()
    {
        var email = $"journey-{Guid.NewGuid():N}@test.local";
        var register = await new RegisterPage(Page).GotoAsync();
        await Expect(register.Heading).ToBeVisibleAsync();

        await register.RegisterAsync(email, Password);
        await Expect(register.Nav.AccountName).ToHaveTextAsync(email);

        await register.Nav.SignOutAsync();
        await Expect(register.Nav.AccountName).ToHaveCountAsync(0);
        await Expect(register.Nav.SignInLink).ToBeVisibleAsync();

        var login = await new LoginPage(Page).GotoAsync();
        await login.SignInAsync(email, Password);
        await Expect(login.Nav.AccountName).ToHaveTextAsync(email);
        await Expect(login.Nav.SignInLink).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Login_FiveWrongPasswords_ShowsTheLockoutMessageAndRefusesTheRightOne()
    {
        var email = await Factory.CreateUserAsync(AppRoles.Customer);
        var login = await new LoginPage(Page).GotoAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SignInAndExpectRefusalAsync(email, $"Wrong-Passw0rd-{attempt}");
            await Expect(login.Error).ToContainTextAsync("That email and password don't match an account.");
        }

        await login.SignInAndExpectRefusalAsync(email, "Wrong-Passw0rd-5");
        await Expect(login.Error).ToContainTextAsync(AccountController.LockoutMessage(15));

        await login.SignInAndExpectRefusalAsync(email, CoffeeShopWebFactory.DefaultPassword);
        await Expect(login.Error).ToContainTextAsync(AccountController.LockoutMessage(15));
        await Expect(login.Nav.AccountName).ToHaveCountAsync(0);
    }
}
