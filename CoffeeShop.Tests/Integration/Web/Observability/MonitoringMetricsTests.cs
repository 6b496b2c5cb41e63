using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Web.Observability;

/// <summary>
/// The series the alerts (eng/monitoring/alerts.yml) and the dashboard read exist at /metrics, and move when the
/// events they stand for happen. prometheus-net's registry is one per process, so counts are compared before and after.
/// </summary>
public sealed partial class MonitoringMetricsTests : IntegrationTestBase
{
    /// <summary>Series Prometheus itself makes (not the app's).</summary>
    private static readonly string[] PrometheusOwn = ["up"];

    /// <summary>Labelled by values not known in advance (a refusal's reason, a message's name): a series appears with its first event.</summary>
    private static readonly string[] AppearWithTheirFirstEvent = ["coffeeshop_live_messages_sent_total", "coffeeshop_live_refused_total"];

    [Test]
    public async Task AlertsAndDashboard_ReadOnlySeriesTheAppPublishes()
    {
        // A request for the request-duration histogram, and a refusal: refusals are labelled by status, route group and
        // caller, so their series appear with the first of each (until then rate() is empty, and no alert fires).
        using (await Client.GetAsync("/menu"))
        using (await Client.GetAsync("/api/v1/orders"))
        {
        }

        var published = await WaitForMetricsAsync(text => text.Contains("coffeeshop_ready ", StringComparison.Ordinal));
        var referenced = MetricNames(RepositoryFiles.ReadAllText("eng/monitoring/alerts.yml"))
            .Concat(MetricNames(RepositoryFiles.ReadAllText("eng/monitoring/dashboard.json")))
            .Except(PrometheusOwn)
            .Distinct()
            .ToList();

        var declared = string.Concat(Directory.GetFiles(RepositoryFiles.PathOf("CoffeeShop.Web/Observability"), "*.cs").Select(File.ReadAllText));

        Assert.That(referenced, Has.Count.GreaterThan(8), "the files were read");
        Assert.Multiple(() =>
        {
            Assert.That(
                referenced.Except(AppearWithTheirFirstEvent).Where(name => !Regex.IsMatch(published, "^" + name + "(_bucket|_count|_sum)?[{ ]", RegexOptions.Multiline)),
                Is.Empty,
                "read by a rule or a panel, not at /metrics");
            Assert.That(AppearWithTheirFirstEvent.Where(name => !declared.Contains('"' + name + '"', StringComparison.Ordinal)), Is.Empty, "declared by the app");
        });
    }

    [Test]
    public async Task ShopSeries_ArePublishedFromStartUp()
    {
        var text = await WaitForMetricsAsync(t => t.Contains("coffeeshop_ready ", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            foreach (var channel in new[] { "web", "api" })
            {
                Assert.That(text, Does.Match($"coffeeshop_orders_created_total{{channel=\"{channel}\"}} "));
                Assert.That(text, Does.Match($"coffeeshop_orders_refused_total{{channel=\"{channel}\"}} "));
                Assert.That(text, Does.Match($"coffeeshop_sign_in_failures_total{{channel=\"{channel}\"}} "));
                Assert.That(text, Does.Match($"coffeeshop_sign_in_lockouts_total{{channel=\"{channel}\"}} "));
            }

            Assert.That(text, Does.Match("(?m)^coffeeshop_ready 1$"), "the database check passed");
            Assert.That(text, Does.Match("(?m)^coffeeshop_health_check_status{check=\"database\"} 1$"));
            Assert.That(text, Does.Match("(?m)^coffeeshop_shop_open [01]$"));
        });
    }

    [Test]
    public async Task FailedTokenRequest_CountsASignInFailure()
    {
        var before = await ValueAsync("coffeeshop_sign_in_failures_total{channel=\"api\"}");

        using var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.com", password = "wrong-Passw0rd!" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await ValueAsync("coffeeshop_sign_in_failures_total{channel=\"api\"}"), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task AnonymousCallToOrders_CountsA401ForTheApiGroup()
    {
        const string series = "coffeeshop_security_refusals_total{status=\"401\",route_group=\"api\",client_class=\"anonymous\"}";
        var before = await ValueAsync(series);

        using var response = await Client.GetAsync("/api/v1/orders");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await ValueAsync(series), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task CustomerCallToApiKeys_CountsA403ForAUser()
    {
        const string series = "coffeeshop_security_refusals_total{status=\"403\",route_group=\"api\",client_class=\"user\"}";
        var before = await ValueAsync(series);
        using var customer = await Factory.CreateClientAsAsync("Customer");

        using var response = await customer.GetAsync("/api/v1/api-keys");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await ValueAsync(series), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task RefusedOrders_AreCounted_WhetherTheBodyOrTheDomainRefusesThem()
    {
        using var customer = await Factory.CreateClientAsAsync("Customer");
        var before = await ValueAsync("coffeeshop_orders_refused_total{channel=\"api\"}");
        var placedBefore = await ValueAsync("coffeeshop_orders_created_total{channel=\"api\"}");

        using var invalid = await customer.PostAsJsonAsync("/api/v1/orders", new { customerName = "", lines = Array.Empty<object>() });
        using var missingItem = await customer.PostAsJsonAsync("/api/v1/orders", new { customerName = "Ann", lines = new[] { new { menuItemId = 987654, quantity = 1 } } });
        using var placed = await customer.PostAsJsonAsync("/api/v1/orders", new { customerName = "Ann", lines = new[] { new { menuItemId = 1, quantity = 1 } } });

        Assert.Multiple(async () =>
        {
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(missingItem.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(await ValueAsync("coffeeshop_orders_refused_total{channel=\"api\"}"), Is.EqualTo(before + 2));
            Assert.That(await ValueAsync("coffeeshop_orders_created_total{channel=\"api\"}"), Is.EqualTo(placedBefore + 1));
        });
    }

    /// <summary>Metric names in a rules file or a dashboard: the shop's and ASP.NET Core's, histogram suffixes removed.</summary>
    private static IEnumerable<string> MetricNames(string text) =>
        MetricName().Matches(text).Select(m => m.Value);

    private async Task<double> ValueAsync(string series)
    {
        var text = await Client.GetStringAsync("/metrics");
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Reads /metrics until <paramref name="ready"/> holds (the health publisher's first run comes a second after start-up).</summary>
    private async Task<string> WaitForMetricsAsync(Func<string, bool> ready)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var text = await Client.GetStringAsync("/metrics", timeout.Token);
            if (ready(text))
            {
                return text;
            }

            await tick.WaitForNextTickAsync(timeout.Token);
        }
    }

    [GeneratedRegex(@"\b(?:coffeeshop|microsoft_aspnetcore)_[a-z_]+?(?=_bucket\b|_count\b|_sum\b|[^a-z_]|$)|\bup\b(?=\{)")]
    private static partial Regex MetricName();
}
