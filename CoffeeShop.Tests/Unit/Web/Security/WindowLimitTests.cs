using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Security;

namespace CoffeeShop.Tests.Unit.Web.Security;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class WindowLimitTests
{
    [TestCase(0, 60)]
    [TestCase(10, 0)]
    [TestCase(10, WindowLimit.MaxWindowSeconds + 1)]
    public void Validate_ALimitTheLimiterCannotApply_RefusesWithTheSettingsName(int permits, int seconds)
    {
        var limit = new WindowLimit { PermitLimit = permits, WindowSeconds = seconds };

        Assert.That(() => limit.Validate("Anonymous"), Throws.InvalidOperationException.With.Message.Contains("RateLimiting:Anonymous"));
    }

    [Test]
    public void Validate_TheLongestWindow_IsAccepted()
    {
        var limit = new WindowLimit { PermitLimit = 1, WindowSeconds = WindowLimit.MaxWindowSeconds };

        Assert.That(() => limit.Validate("SignIn"), Throws.Nothing);
    }
}
