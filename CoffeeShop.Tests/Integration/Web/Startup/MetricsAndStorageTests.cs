using System.Net;
using System.Net.Http.Json;
using CoffeeShop.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CoffeeShop.Tests.Integration.Web.Startup;

/// <summary>/metrics speaks Prometheus text with the shop's counters; the SQLite file runs in WAL with full sync.</summary>
public sealed class MetricsAndStorageTests : IntegrationTestBase
{
    [Test]
    public async Task Metrics_AfterAnOrder_ExposesRequestAndOrderCountersAsPrometheusText()
    {
        using var customer = await Factory.CreateClientAsAsync("Customer");
        using var placed = await customer.PostAsJsonAsync("/api/v1/orders", new { customerName = "Metrics", lines = new[] { new { menuItemId = 1, quantity = 1 } } });
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var missing = await Client.GetAsync("/api/v1/menu-items/987654");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a 404 the exception handler makes out of the domain's NotFound");

        using var response = await Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Match(RequestCount("POST", "api/v1/orders", 201)), "request count by route and status");
            Assert.That(text, Does.Match(RequestCount("GET", "api/v1/menu-items/{id:int}", 404)), "the status the client got, not the one before the exception handler");
            Assert.That(text, Does.Match("microsoft_aspnetcore_hosting_http_server_request_duration_bucket\\{[^\\n]*le=\"0.001\"\\}"), "latency, from a millisecond up");
            Assert.That(text, Does.Not.Contain("msquic"), "no HTTP/3 internals");
            Assert.That(text, Does.Match("coffeeshop_orders_created_total\\{channel=\"api\"\\} [1-9]"));
            Assert.That(text, Does.Contain("coffeeshop_rate_limited_total"));
        });
    }

    [Test]
    public async Task Metrics_Post_IsRefused()
    {
        using var response = await Client.PostAsync("/metrics", content: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Database_AfterStartUp_RunsInWalModeWithFullSync()
    {
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var journal = await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = await command.ExecuteScalarAsync();

        Assert.Multiple(() =>
        {
            Assert.That(journal, Is.EqualTo("wal"));
            Assert.That(synchronous, Is.EqualTo(2L), "2 is FULL: every commit is synced");
        });
    }

    /// <summary>A line of ASP.NET Core's request-duration histogram count for one method, route and status, with a count of 1 or more.</summary>
    private static string RequestCount(string method, string route, int status) =>
        "microsoft_aspnetcore_hosting_http_server_request_duration_count\\{(?=[^}]*http_request_method=\"" + method + "\")(?=[^}]*http_route=\""
        + System.Text.RegularExpressions.Regex.Escape(route) + "\")(?=[^}]*http_response_status_code=\"" + status + "\")[^\\n]*\\} [1-9]";
}
