using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Observability;

namespace CoffeeShop.Tests.Integration.Operations;

/// <summary>
/// The shop's counters on a fresh process, before anything has counted: every series is published at 0, so a
/// scrape, an alert on <c>increase(...)</c> and the Postman collection find them from start-up. A process of its
/// own, because prometheus-net's registry lives as long as the process and other tests' apps have counted in it.
/// </summary>
[Category(TestCategories.Integration)]
[NonParallelizable]
public sealed class ShopMetricsAtStartUpTests
{
    [Test]
    public async Task Metrics_OnAFreshApp_PublishesEveryShopSeriesAtZero()
    {
        using var database = new ScratchDatabase("metrics");
        var settings = AppProcess.SharedSettings(database.Path);
        settings["RateLimiting__Enabled"] = "true";
        await using var app = await AppProcess.StartAsync(settings, CancellationToken.None);

        var metrics = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var lines = metrics.Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Does.Contain("coffeeshop_rate_limited_total 0"));
            foreach (var channel in ShopMetrics.Channels.All)
            {
                Assert.That(lines, Does.Contain($"coffeeshop_orders_created_total{{channel=\"{channel}\"}} 0"), channel);
            }

            Assert.That(ShopMetrics.Channels.All, Is.SupersetOf(new[] { "api", "web" }), "the channels the API and the pages count under");
        }
    }
}
