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

        using var response = await Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Match("http_request_duration_seconds_count\\{[^}]*code=\"201\"[^}]*\\} [1-9]"), "request count by status");
            Assert.That(text, Does.Contain("http_request_duration_seconds_bucket"), "latency");
            Assert.That(text, Does.Match("coffeeshop_orders_created_total\\{channel=\"api\"\\} [1-9]"));
            Assert.That(text, Does.Contain("coffeeshop_rate_limited_total"));
        });
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
}
