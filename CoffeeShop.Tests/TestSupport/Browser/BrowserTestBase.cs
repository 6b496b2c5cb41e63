using Microsoft.Playwright;

namespace CoffeeShop.Tests.TestSupport.Browser;

/// <summary>
/// One Chromium and one app on a Kestrel loopback port per fixture; a fresh browser context and page per test.
/// Derive, and override <see cref="CreateFactory"/> to change the app's settings.
/// </summary>
[Category(TestCategories.Browser)]
public abstract class BrowserTestBase
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
    ];

    private CoffeeShopWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IBrowserContext> _otherContexts = [];
    private IBrowserContext? _context;
    private IPage? _page;

    protected CoffeeShopWebFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    protected Uri BaseUrl { get; private set; } = null!;

    protected IPage Page => _page ?? throw new InvalidOperationException("No page: the test has not started.");

    [OneTimeSetUp]
    public async Task StartBrowserAndServerAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore("Chromium not found; install it with: apt-get update && apt-get install -y chromium");
        }

        // Two shared cores can make a page slower than Playwright's 5 s default; still no fixed sleeps anywhere.
        Assertions.SetDefaultExpectTimeout(15_000);
        _factory = CreateFactory();
        BaseUrl = _factory.StartOnLoopback();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString() });
        _page = await _context.NewPageAsync();
    }

    /// <summary>
    /// A page in a browser context of its own (its own cookies: another person at another browser), closed with the test.
    /// </summary>
    protected async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), JavaScriptEnabled = javaScriptEnabled });
        _otherContexts.Add(context);
        return await context.NewPageAsync();
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        if (_page is not null && TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            // A screenshot of the moment of failure says more than a timeout message.
            var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.Name}.png");
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            TestContext.AddTestAttachment(path);
        }

        foreach (var other in _otherContexts)
        {
            await other.CloseAsync();
        }

        _otherContexts.Clear();
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _context = null;
        _page = null;
    }

    [OneTimeTearDown]
    public async Task StopBrowserAndServerAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    protected virtual CoffeeShopWebFactory CreateFactory() => new();
}
