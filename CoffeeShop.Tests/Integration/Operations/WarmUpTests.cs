using System.Net;
using System.Text.RegularExpressions;
using CoffeeShop.Tests.TestSupport;

namespace CoffeeShop.Tests.Integration.Operations;

/// <summary>
/// The real app, started with its warm-up on: it answers its busiest reads in process before it opens its port,
/// and those requests spend no one's rate limit, write no request log and count in no metric.
/// </summary>
[Category(TestCategories.Integration)]
[NonParallelizable]
public sealed partial class WarmUpTests
{
    private const int AnonymousLimit = 3;

    [Test]
    public async Task Start_WarmsUpBeforeListening_WithoutSpendingLimitsOrCountingInMetrics()
    {
        using var database = new ScratchDatabase("warm-up");
        var settings = AppProcess.SharedSettings(database.Path);
        settings["WarmUp__Enabled"] = "true";
        settings["WarmUp__MaxMilliseconds"] = "2000";
        settings["RateLimiting__Enabled"] = "true";
        settings["RateLimiting__Anonymous__PermitLimit"] = AnonymousLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Serilog__MinimumLevel__Default"] = "Information";

        await using var app = await AppProcess.StartAsync(settings, CancellationToken.None);
        using var menu = await app.Client.GetAsync(new Uri("/coffee/hot", UriKind.Relative));
        var metrics = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var output = app.Output;
        var warmedUp = WarmedUpLine().Match(output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warmedUp.Success, Is.True, output);
            Assert.That(int.Parse(warmedUp.Groups["requests"].Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(AnonymousLimit));
            Assert.That(warmedUp.Index, Is.LessThan(output.IndexOf("Now listening on", StringComparison.Ordinal)), "warmed up before the port opened");
            Assert.That(menu.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the warm-up spent no client's rate limit");
            Assert.That(output, Does.Not.Contain("\"RequestPath\":\"/menu\""), "no request log for the warm-up");
            Assert.That(metrics, Does.Contain("""http_route="coffee/{category}","""), "the visitor's request is counted");
            Assert.That(RouteCount(metrics, "coffee/{category}"), Is.EqualTo(1), "and it alone");
        }
    }

    private static double RouteCount(string metrics, string route) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith("microsoft_aspnetcore_hosting_http_server_request_duration_count{", StringComparison.Ordinal)
                && line.Contains($"http_route=\"{route}\"", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Warmed up with (?<requests>\d+) in-process requests")]
    private static partial Regex WarmedUpLine();
}
